"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { deviceTokenFromCookies, endBrowserSession, setSessionCookies } from "@/lib/auth/browser-session";
import { requestContext } from "@/lib/auth/request-context";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInErrorMessage, signInWithPassword } from "@/lib/auth/sign-in";
import type { FormState } from "@/lib/forms/form-state";

// POST from the sign-in form, with or without JavaScript (a server action is a plain form POST
// before hydration): the password travels in the body only, never in a URL.
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "").slice(0, 320);
  const outcome = await signInWithPassword({
    email,
    password: String(form.get("password") ?? ""),
    ...requestContext(await headers()),
    deviceToken: await deviceTokenFromCookies(),
    now: new Date(),
  });
  if (!outcome.ok) return { status: "error", message: signInErrorMessage(outcome), values: { email } };
  await setSessionCookies(outcome);
  redirect(safeRedirectPath(form.get("callbackUrl"), "/"));
}

// Sign-out from the user menu (a form, so it works without JavaScript): revokes the session row
// and lands on the sign-in page of whatever origin the browser is on.
export async function signOutAction(): Promise<void> {
  await endBrowserSession(new Date());
  redirect("/sign-in?signedOut=1");
}
