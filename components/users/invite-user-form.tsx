"use client";

import { useActionState, useState } from "react";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormAction } from "@/lib/forms/form-state";
import { InviteLink } from "./invite-link";
import { RolePicker, type RoleOption } from "./role-picker";

// Invite a person by email: they get a one-time link to choose their password.
export function InviteUserForm({ inviteUser, roles, defaultRoleId }: { inviteUser: FormAction; roles: RoleOption[]; defaultRoleId: string | null }) {
  const [state, action] = useActionState(inviteUser, IDLE);
  const [roleIds, setRoleIds] = useState<string[]>(defaultRoleId ? [defaultRoleId] : []);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">Invite a user</h2>
      <p className="mt-1 text-sm text-slate-600">They get an email with a link to choose a password. The link works once, for 7 days.</p>
      <form action={action} className="mt-4 space-y-4" noValidate>
        <FormMessage state={state} />
        {state.status === "ok" && state.data?.inviteUrl ? <InviteLink url={state.data.inviteUrl} /> : null}
        <TextField idPrefix="invite-" name="name" label="Name" autoComplete="off" defaultValue={state.values?.name ?? ""} errors={errors.name} required />
        <TextField idPrefix="invite-" name="email" label="Email" type="email" autoComplete="off" defaultValue={state.values?.email ?? ""} errors={errors.email} required />
        <RolePicker idPrefix="invite-" roles={roles} selected={roleIds} onChange={setRoleIds} errors={errors.roleIds} />
        <SubmitButton pendingLabel="Sending invitation…">Send invitation</SubmitButton>
      </form>
    </Card>
  );
}
