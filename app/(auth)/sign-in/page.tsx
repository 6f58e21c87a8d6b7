import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getIdentity } from "@/lib/access/viewer";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/accounts/demo-users";
import { RATE_LIMITED_ERROR } from "@/lib/auth/errors";
import { isDemoMode, providerName } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths are followed after sign-in.
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> }) {
  const params = await searchParams;
  if (await getIdentity()) redirect(safeCallback(params.callbackUrl));
  const error =
    params.error === RATE_LIMITED_ERROR
      ? "Too many sign-in attempts. Wait 15 minutes and try again."
      : params.error
        ? "That email and password don't match an active account."
        : null;

  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">{providerName()}</p>
      <h1 className="mt-1 text-center text-2xl font-semibold tracking-tight">Sign in to Billing</h1>
      <Card className="mt-6 p-6">
        {params.signedOut ? <Notice className="mb-4">You have signed out.</Notice> : null}
        {error ? (
          <Notice tone="error" className="mb-4">
            {error}
          </Notice>
        ) : null}
        <SignInForm callbackUrl={safeCallback(params.callbackUrl)} />
      </Card>
      {isDemoMode() ? (
        <section aria-labelledby="demo-users" className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm">
          <h2 id="demo-users" className="font-semibold">
            Demo users
          </h2>
          <p className="mt-1 text-slate-600">
            Demo mode: every password is <code className="rounded bg-slate-100 px-1">{DEMO_PASSWORD}</code>
          </p>
          <ul className="mt-2 space-y-1">
            {DEMO_USERS.map((u) => (
              <li key={u.email} className="grid gap-x-3 sm:grid-cols-[max-content_1fr]">
                <code>{u.email}</code>
                <span className="text-slate-600 sm:text-right">{u.note}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
