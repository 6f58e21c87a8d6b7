"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { inputClass, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";

// Choose a password on the invitation page; on success the person signs in as usual.
export function SetPasswordForm({ acceptInvitation, token, email }: { acceptInvitation: RecordFormAction; token: string; email: string }) {
  const [state, action] = useActionState(acceptInvitation.bind(null, token), IDLE);
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
      <div>
        <label htmlFor="invite-email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input id="invite-email" name="username" type="email" autoComplete="username" value={email} readOnly className={`${inputClass} bg-slate-50`} />
      </div>
      <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters. A few unrelated words make a strong password." errors={errors.password} required />
      <TextField name="confirm" label="Repeat the password" type="password" autoComplete="new-password" errors={errors.confirm} required />
      <SubmitButton className="w-full" pendingLabel="Setting password…">
        Set password
      </SubmitButton>
    </form>
  );
}
