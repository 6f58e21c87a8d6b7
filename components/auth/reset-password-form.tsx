"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset-password/[token]/actions";
import { buttonClasses } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE } from "@/lib/forms/form-state";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction.bind(null, token), IDLE);
  if (state.status === "ok") {
    return (
      <div className="space-y-4">
        <Notice tone="success">{state.message}</Notice>
        <Link href="/sign-in" className={buttonClasses("primary") + " w-full"}>
          Sign in
        </Link>
      </div>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. A few unrelated words make a strong password." errors={errors.password} required />
      <TextField name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" errors={errors.confirm} required />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Set new password
      </SubmitButton>
    </form>
  );
}
