"use server";

import { requestOrigin } from "@/lib/audit/request-origin";
import { resetPassword } from "@/lib/auth/password-reset";
import type { FormState } from "@/lib/forms/form-state";
import { formStateFromError } from "@/lib/forms/run-form-action";

// Public action behind the reset link: the token is the credential, checked in lib/.
export async function resetPasswordAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { email } = await resetPassword(token, { password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" }, await requestOrigin(), new Date());
    return { status: "ok", message: "Your password is changed and every session is signed out. Sign in with the new password.", data: { email } };
  } catch (error) {
    return formStateFromError(error, {});
  }
}
