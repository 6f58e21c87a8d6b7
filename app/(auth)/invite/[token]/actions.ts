"use server";

import { requestOrigin } from "@/lib/audit/request-origin";
import type { FormState } from "@/lib/forms/form-state";
import { formStateFromError } from "@/lib/forms/run-form-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";

// Public action behind the invitation link: the token is the credential, checked in lib/.
export async function acceptInvitationAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  try {
    const { email } = await acceptInvitation(token, { password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" }, await requestOrigin(), new Date());
    return { status: "ok", message: "Your password is set. Sign in to continue.", data: { email } };
  } catch (error) {
    return formStateFromError(error, {});
  }
}
