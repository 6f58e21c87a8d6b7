"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { FieldError } from "@/components/ui/field";
import { PERMISSION_INFO, PERMISSIONS, type Permission } from "@/lib/access/permissions";

// One labelled checkbox per permission, with what it allows. Update Payment Information includes
// Read Payment Information (R-P1): checking it checks and locks Read, and both are stored.
export function PermissionCheckboxes({
  idPrefix,
  selected,
  onChange,
  errors,
  hideLegend = false,
}: {
  hideLegend?: boolean;
  idPrefix: string;
  selected: Permission[];
  onChange: (next: Permission[]) => void;
  errors?: string[];
}) {
  const implied = selected.includes("payments.update");
  const toggle = (permission: Permission, on: boolean) => onChange(on ? [...selected, permission] : selected.filter((p) => p !== permission));
  return (
    <fieldset aria-describedby={errors?.length ? `${idPrefix}permissions-error` : undefined}>
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-slate-800"}>Permissions</legend>
      <div className={hideLegend ? "space-y-3" : "mt-2 space-y-3"}>
        {PERMISSIONS.map((permission) => {
          const lockedOn = permission === "payments.read" && implied;
          return (
            <Checkbox
              key={permission}
              id={`${idPrefix}perm-${permission}`}
              name="permissions"
              value={permission}
              checked={lockedOn || selected.includes(permission)}
              disabled={lockedOn}
              onChange={(e) => toggle(permission, e.target.checked)}
              label={PERMISSION_INFO[permission].label}
              description={lockedOn ? `${PERMISSION_INFO[permission].description} Included with Update Payment Information.` : PERMISSION_INFO[permission].description}
            />
          );
        })}
        {implied ? <input type="hidden" name="permissions" value="payments.read" /> : null}
      </div>
      <FieldError id={`${idPrefix}permissions-error`} messages={errors} />
    </fieldset>
  );
}
