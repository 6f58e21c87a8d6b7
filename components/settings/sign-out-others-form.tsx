"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormAction } from "@/lib/forms/form-state";

export function SignOutOthersForm({ signOutOthers, disabled }: { signOutOthers: FormAction; disabled: boolean }) {
  const [state, action] = useActionState(signOutOthers, IDLE);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      {disabled ? (
        <p className="text-sm text-slate-600">No other session is signed in.</p>
      ) : (
        <SubmitButton variant="secondary" pendingLabel="Signing out…">
          Sign out other sessions
        </SubmitButton>
      )}
    </form>
  );
}
