import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { SignOutOthersForm } from "@/components/settings/sign-out-others-form";
import { changePasswordAction, signOutOtherSessionsAction } from "./actions";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/access/page-guards";
import { getCurrentSession } from "@/lib/access/viewer";
import { listMySessions } from "@/lib/auth/account-sessions";
import { formatInstant } from "@/lib/dates";

export const metadata: Metadata = { title: "Security" };

// GET /settings/security — change password, and the user's signed-in sessions.
export default async function SecurityPage() {
  const viewer = await requirePageViewer();
  const current = await getCurrentSession();
  if (!current) redirect("/sign-in");
  const sessions = await listMySessions(viewer, current.sessionId, new Date());
  const when = (d: Date) => formatInstant(d, viewer.account.locale, viewer.account.timeZone);

  return (
    <>
      <PageHeader title="Security" description="Your password and where you are signed in." />
      <div className="grid max-w-3xl gap-6">
        <Card className="p-6">
          <h2 className="text-lg font-semibold">Change password</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">Changing your password signs you out everywhere else.</p>
          <ChangePasswordForm changePassword={changePasswordAction} email={viewer.email} />
        </Card>
        <Card className="p-6">
          <h2 className="text-lg font-semibold">Active sessions</h2>
          <ul className="mt-4 divide-y divide-slate-200" aria-label="Active sessions">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3 text-sm">
                <span className="font-medium text-slate-900">
                  {s.device}
                  {s.current ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-700">This device</span> : null}
                </span>
                <span className="text-slate-600">
                  IP {s.ip} · last seen {when(s.lastSeenAt)} · signed in {when(s.createdAt)}
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <SignOutOthersForm signOutOthers={signOutOtherSessionsAction} disabled={sessions.every((s) => s.current)} />
          </div>
        </Card>
      </div>
    </>
  );
}
