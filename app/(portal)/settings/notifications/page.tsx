import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Notification Preferences" };

export default async function NotificationPreferencesPage() {
  await requirePageViewer();
  return <PageHeader title="Notification Preferences" description="Choose how you hear about billing events." />;
}
