import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Audit Log" };

export default async function Page() {
  await requirePagePermission("users.manage");
  return <PageHeader title="Audit Log" description="Security-relevant actions in this account." />;
}
