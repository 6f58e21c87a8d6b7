import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Payment Methods" };

export default async function Page() {
  await requirePagePermission("payments.read");
  return <PageHeader title="Payment Methods" description="Cards on file for this account." />;
}
