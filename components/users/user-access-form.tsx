"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";
import type { UserStatus } from "@/lib/users/list-users";
import { ConfirmSelfLockout } from "./confirm-self-lockout";
import { InviteLink } from "./invite-link";

// Sign-in access: disable or re-enable a user, or send a pending invitation again.
export function UserAccessForm({ changeAccess, userId, name, status }: { changeAccess: RecordFormAction; userId: string; name: string; status: UserStatus }) {
  const [state, action] = useActionState(changeAccess.bind(null, userId), IDLE);
  const pending = status === "invited" || status === "invitation_expired";

  return (
    <div className="space-y-5">
      <FormMessage state={state} />
      {state.status === "ok" && state.data?.inviteUrl ? <InviteLink url={state.data.inviteUrl} /> : null}
      {pending ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="intent" value="resend" />
          <p className="text-sm text-slate-700">
            {status === "invited" ? `${name} hasn't accepted the invitation yet.` : `${name}'s invitation expired before it was accepted.`} A new invitation replaces the earlier
            link.
          </p>
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            Send a new invitation
          </SubmitButton>
        </form>
      ) : null}
      {status === "disabled" ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="intent" value="enable" />
          <p className="text-sm text-slate-700">{name} is disabled and can&apos;t sign in. Enabling restores their roles as they were.</p>
          <SubmitButton variant="secondary">Enable user</SubmitButton>
        </form>
      ) : (
        <form action={action} className="space-y-3">
          <input type="hidden" name="intent" value="disable" />
          <p className="text-sm text-slate-700">A disabled user is signed out on their next page load and can&apos;t sign in until enabled again.</p>
          <ConfirmSelfLockout id="disable-confirm" show={Boolean(state.needsConfirmation)} />
          <SubmitButton variant="danger" pendingLabel="Disabling…">
            Disable user
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
