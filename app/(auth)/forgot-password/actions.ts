"use server";

import { requestOrigin } from "@/lib/audit/request-origin";
import { requestPasswordReset, RESET_REQUESTED } from "@/lib/auth/password-reset";
import type { FormState } from "@/lib/forms/form-state";
import { formStateFromError } from "@/lib/forms/run-form-action";

// The same answer whether or not the address has a login (no account enumeration, ASVS V6.4).
export async function forgotPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "").slice(0, 320);
  try {
    await requestPasswordReset(email, await requestOrigin(), new Date());
    return { status: "ok", message: RESET_REQUESTED };
  } catch (error) {
    return formStateFromError(error, { email });
  }
}
