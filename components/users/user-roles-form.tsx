"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";
import { ConfirmSelfLockout } from "./confirm-self-lockout";
import { RolePicker, type RoleOption } from "./role-picker";

// Change which roles a user holds; the union of their permissions applies on their next request.
export function UserRolesForm({ setUserRoles, userId, roles, current }: { setUserRoles: RecordFormAction; userId: string; roles: RoleOption[]; current: string[] }) {
  const [state, action] = useActionState(setUserRoles.bind(null, userId), IDLE);
  const [roleIds, setRoleIds] = useState(current);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <RolePicker hideLegend idPrefix="user-" roles={roles} selected={roleIds} onChange={setRoleIds} errors={state.fieldErrors?.roleIds} />
      <ConfirmSelfLockout id="roles-confirm" show={Boolean(state.needsConfirmation)} />
      <SubmitButton>Save roles</SubmitButton>
    </form>
  );
}
