import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/access/page-guards";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageViewer();
  return (
    <>
      <PageHeader title="Settings" />
      <Card className="max-w-xl divide-y divide-slate-200">
        <Link href="/settings/notifications" className="block px-4 py-3 hover:bg-slate-50">
          <span className="font-medium text-brand-700">Notification Preferences</span>
          <span className="block text-sm text-slate-600">Choose how you hear about billing events: alerts, email, both or neither.</span>
        </Link>
        <Link href="/settings/security" className="block px-4 py-3 hover:bg-slate-50">
          <span className="font-medium text-brand-700">Security</span>
          <span className="block text-sm text-slate-600">Change your password, see where you are signed in, and sign out other sessions.</span>
        </Link>
      </Card>
    </>
  );
}
