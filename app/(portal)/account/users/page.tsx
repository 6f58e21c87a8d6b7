import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Users" };

export default async function Page() {
  await requirePagePermission("users.manage");
  return <PageHeader title="Users" description="People in this account and their roles." />;
}
