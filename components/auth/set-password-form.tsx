"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";
import { NewPasswordFields, PasswordSetNotice } from "./new-password-fields";

// Choose a password on the invitation page; on success the person signs in as usual.
export function SetPasswordForm({ acceptInvitation, token, email }: { acceptInvitation: RecordFormAction; token: string; email: string }) {
  const [state, action] = useActionState(acceptInvitation.bind(null, token), IDLE);
  if (state.status === "ok") return <PasswordSetNotice message={state.message} />;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <div>
        <label htmlFor="invite-email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input id="invite-email" name="username" type="email" autoComplete="username" value={email} readOnly className={`${inputClass} bg-slate-50`} />
      </div>
      <NewPasswordFields errors={state.fieldErrors ?? {}} />
      <SubmitButton className="w-full" pendingLabel="Setting password…">
        Set password
      </SubmitButton>
    </form>
  );
}
