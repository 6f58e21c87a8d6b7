import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { providerName } from "@/lib/env";
import { getInvitation, invitationProblem } from "@/lib/users/accept-invitation";
import { acceptInvitationAction } from "./actions";

// The token is in the URL: never send it on to another site in a Referer header.
export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer", robots: { index: false } };

// GET /invite/[token] — public (outside the proxy matcher): choose a password for an invited user.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(token, new Date());
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">{providerName()}</p>
      <h1 className="mt-1 text-center text-2xl font-semibold tracking-tight">{invitation.state === "open" ? `Join ${invitation.accountName}` : "Invitation"}</h1>
      <Card className="mt-6 p-6">
        {invitation.state === "open" ? (
          <>
            <p className="mb-4 text-sm text-slate-700">
              Hello {invitation.name}, choose a password to see {invitation.accountName}&apos;s invoices and payments.
            </p>
            <SetPasswordForm acceptInvitation={acceptInvitationAction} token={token} email={invitation.email} />
          </>
        ) : (
          <div className="space-y-4">
            <Notice tone={invitation.state === "used" ? "info" : "warning"}>{invitationProblem(invitation.state)}</Notice>
            <Link href="/sign-in" className="text-sm font-medium text-brand-700 underline">
              Go to sign in
            </Link>
          </div>
        )}
      </Card>
    </main>
  );
}
