import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Roles" };

export default async function Page() {
  await requirePagePermission("users.manage");
  return <PageHeader title="Roles" description="Roles and the permissions they grant." />;
}
