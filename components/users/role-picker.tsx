"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field";

export type RoleOption = { id: string; name: string; summary: string };

// Role checkboxes (controlled, so choices survive a failed submission). Posts `roleIds`.
export function RolePicker({
  idPrefix,
  roles,
  selected,
  onChange,
  errors,
  hideLegend = false,
}: {
  hideLegend?: boolean;
  idPrefix: string;
  roles: RoleOption[];
  selected: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${idPrefix}roles-error` : undefined}>
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-slate-800"}>Roles</legend>
      <div className={hideLegend ? "space-y-2.5" : "mt-2 space-y-2.5"}>
        {roles.map((role) => (
          <Checkbox
            key={role.id}
            id={`${idPrefix}role-${role.id}`}
            name="roleIds"
            value={role.id}
            checked={selected.includes(role.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, role.id] : selected.filter((id) => id !== role.id))}
            label={role.name}
            description={role.summary}
          />
        ))}
      </div>
      <FieldError id={`${idPrefix}roles-error`} messages={errors} />
    </fieldset>
  );
}
