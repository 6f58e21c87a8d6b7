"use client";

import { useActionState } from "react";
import { FieldError, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmSelfLockout } from "@/components/users/confirm-self-lockout";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";

// Deleting a role that users hold moves them to another role first, so nobody silently loses access.
export function DeleteRoleForm({
  deleteRole,
  roleId,
  roleName,
  userCount,
  otherRoles,
}: {
  deleteRole: RecordFormAction;
  roleId: string;
  roleName: string;
  userCount: number;
  otherRoles: { id: string; name: string }[];
}) {
  const [state, action] = useActionState(deleteRole.bind(null, roleId), IDLE);
  const errors = state.fieldErrors?.reassignToRoleId;
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      {userCount > 0 ? (
        <div>
          <label htmlFor="reassign" className="block text-sm font-medium text-slate-800">
            Move its {userCount === 1 ? "user" : `${userCount} users`} to
          </label>
          <select
            id="reassign"
            name="reassignToRoleId"
            className={inputClass}
            defaultValue=""
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? "reassign-error" : undefined}
          >
            <option value="">Choose a role…</option>
            {otherRoles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
          <FieldError id="reassign-error" messages={errors} />
        </div>
      ) : (
        <p className="text-sm text-slate-700">No user holds {roleName}.</p>
      )}
      <ConfirmSelfLockout id="delete-confirm" show={Boolean(state.needsConfirmation)} />
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete role
      </SubmitButton>
    </form>
  );
}
