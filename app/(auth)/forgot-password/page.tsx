import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "./actions";
import { Card } from "@/components/ui/card";
import { providerName } from "@/lib/env";

export const metadata: Metadata = { title: "Forgot password" };

// GET /forgot-password — public: ask for a password reset link by email.
export default function ForgotPasswordPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">{providerName()}</p>
      <h1 className="mt-1 text-center text-2xl font-semibold tracking-tight">Forgot your password?</h1>
      <Card className="mt-6 p-6">
        <p className="mb-4 text-sm text-slate-700">Enter the email address you sign in with. We&apos;ll email you a link to choose a new password.</p>
        <ForgotPasswordForm forgotPassword={forgotPasswordAction} />
        <p className="mt-4 text-center text-sm">
          <Link href="/sign-in" className="text-brand-700 underline">
            Back to sign in
          </Link>
        </p>
      </Card>
    </main>
  );
}
