"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/forms/form-state";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, IDLE);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={state.fieldErrors?.email} required />
      <SubmitButton className="w-full" pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
