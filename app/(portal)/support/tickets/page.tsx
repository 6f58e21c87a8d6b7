import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Support Tickets" };

export default async function Page() {
  await requirePagePermission("support.use");
  return <PageHeader title="Support Tickets" description="Questions and requests to the provider's support team." />;
}
