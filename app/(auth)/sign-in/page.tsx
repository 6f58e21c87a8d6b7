import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInAction } from "./actions";
import { getIdentity } from "@/lib/access/viewer";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/accounts/demo-users";
import { parseRateLimitedError } from "@/lib/auth/errors";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in";
import { isDemoMode, providerName } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl, "/");
  if (await getIdentity()) redirect(callbackUrl);
  // ?error= comes from next-auth's own endpoint (POST /api/auth/callback/credentials).
  const throttled = parseRateLimitedError(params.error);
  const error = throttled ? signInErrorMessage({ reason: "rate_limited", ...throttled }) : params.error ? signInErrorMessage({ reason: "invalid" }) : null;

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
        <SignInForm signIn={signInAction} callbackUrl={callbackUrl} />
        <p className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            Forgot your password?
          </Link>
        </p>
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
