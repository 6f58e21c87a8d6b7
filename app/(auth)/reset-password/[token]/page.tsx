import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetPasswordAction } from "./actions";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { isResetTokenOpen, RESET_LINK_PROBLEM } from "@/lib/auth/password-reset";
import { providerName } from "@/lib/env";

// The token is in the URL: never send it on to another site in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

// GET /reset-password/[token] — public: the link from the "Forgot password" email.
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await isResetTokenOpen(token, new Date());
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">{providerName()}</p>
      <h1 className="mt-1 text-center text-2xl font-semibold tracking-tight">Choose a new password</h1>
      <Card className="mt-6 p-6">
        {open ? (
          <ResetPasswordForm resetPassword={resetPasswordAction} token={token} />
        ) : (
          <div className="space-y-4">
            <Notice tone="warning">{RESET_LINK_PROBLEM}</Notice>
            <Link href="/forgot-password" className="text-sm font-medium text-brand-700 underline">
              Ask for a new link
            </Link>
          </div>
        )}
      </Card>
    </main>
  );
}
