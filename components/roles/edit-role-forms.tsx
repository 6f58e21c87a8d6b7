"use client";

import { useActionState, useState } from "react";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmSelfLockout } from "@/components/users/confirm-self-lockout";
import type { Permission } from "@/lib/access/permissions";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";
import { PermissionCheckboxes } from "./permission-checkboxes";

export function RenameRoleForm({ renameRole, roleId, name }: { renameRole: RecordFormAction; roleId: string; name: string }) {
  const [state, action] = useActionState(renameRole.bind(null, roleId), IDLE);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField idPrefix="rename-" name="name" label="Role name" maxLength={60} defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} required />
      <SubmitButton variant="secondary">Rename role</SubmitButton>
    </form>
  );
}

export function RolePermissionsForm({ savePermissions, roleId, current }: { savePermissions: RecordFormAction; roleId: string; current: Permission[] }) {
  const [state, action] = useActionState(savePermissions.bind(null, roleId), IDLE);
  const [permissions, setPermissions] = useState(current);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <PermissionCheckboxes hideLegend idPrefix="edit-" selected={permissions} onChange={setPermissions} errors={state.fieldErrors?.permissions} />
      <ConfirmSelfLockout id="permissions-confirm" show={Boolean(state.needsConfirmation)} />
      <SubmitButton>Save permissions</SubmitButton>
    </form>
  );
}
