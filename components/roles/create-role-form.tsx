"use client";

import { useActionState, useState } from "react";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Permission } from "@/lib/access/permissions";
import { IDLE, type FormAction, type FormState } from "@/lib/forms/form-state";
import { PermissionCheckboxes } from "./permission-checkboxes";

export function CreateRoleForm({ createRole }: { createRole: FormAction }) {
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [state, action] = useActionState(async (prev: FormState, form: FormData) => {
    const next = await createRole(prev, form);
    if (next.status === "ok") setPermissions([]);
    return next;
  }, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">Create a role</h2>
      <p className="mt-1 text-sm text-slate-600">Custom roles hold exactly the permissions you choose.</p>
      <form action={action} className="mt-4 space-y-4" noValidate>
        <FormMessage state={state} />
        <TextField
          idPrefix="create-"
          name="name"
          label="Role name"
          hint="Up to 60 characters, different from the other roles."
          maxLength={60}
          defaultValue={state.values?.name ?? ""}
          errors={errors.name}
          required
        />
        <PermissionCheckboxes idPrefix="create-" selected={permissions} onChange={setPermissions} errors={errors.permissions} />
        <SubmitButton pendingLabel="Creating…">Create role</SubmitButton>
      </form>
    </Card>
  );
}
