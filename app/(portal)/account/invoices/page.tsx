import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Invoices + Payments" };

export default async function Page() {
  await requirePagePermission("invoices.view");
  return <PageHeader title="Invoices + Payments" description="Open invoices, recent invoices and recent payments." />;
}
