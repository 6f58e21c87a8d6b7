"use server";

import type { FormState } from "@/lib/forms/form-state";
import { runPublicFormAction } from "@/lib/forms/run-form-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { asFormData } from "@/lib/forms/form-data";

// Public action behind the invitation link: the token is the credential, checked in lib/.
export async function acceptInvitationAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runPublicFormAction({}, async (origin) => {
    const { email } = await acceptInvitation(token, { password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" }, origin, new Date());
    return { status: "ok", message: "Your password is set. Sign in to continue.", data: { email } };
  });
}
