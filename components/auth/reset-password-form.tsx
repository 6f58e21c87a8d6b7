"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";
import { NewPasswordFields, PasswordSetNotice } from "./new-password-fields";

// The form behind a password-reset link; the token travels bound to the action, not in a field.
export function ResetPasswordForm({ resetPassword, token }: { resetPassword: RecordFormAction; token: string }) {
  const [state, action] = useActionState(resetPassword.bind(null, token), IDLE);
  if (state.status === "ok") return <PasswordSetNotice message={state.message} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <NewPasswordFields errors={state.fieldErrors ?? {}} />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
