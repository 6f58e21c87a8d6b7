"use client";

import { useActionState } from "react";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormAction } from "@/lib/forms/form-state";

// Change password: the current one, then the new one twice (checked for strength on the server).
export function ChangePasswordForm({ changePassword, email }: { changePassword: FormAction; email: string }) {
  const [state, action] = useActionState(changePassword, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {/* Lets password managers file the new password under the right login. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" errors={errors.currentPassword} required />
      <NewPasswordFields errors={errors} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}
