import { z } from "zod";
import { textSchema } from "@/lib/validation";
import { effectivePermissions, PERMISSIONS } from "./permissions";

export const roleNameSchema = textSchema({ min: 1, minMessage: "Enter a role name.", max: 60, maxMessage: "Use at most 60 characters." }).regex(
  /^[^\p{Cc}]*$/u,
  "Use letters, digits, spaces and punctuation only.",
);

// Checked permissions, stored with what they imply (payments.update → payments.read, R-P1).
export const permissionListSchema = z
  .array(z.enum(PERMISSIONS, { error: "Unknown permission." }))
  .max(PERMISSIONS.length * 2)
  .transform((list) => PERMISSIONS.filter((p) => effectivePermissions(list).has(p)));

export const createRoleSchema = z.object({ name: roleNameSchema, permissions: permissionListSchema });
export const renameRoleSchema = z.object({ name: roleNameSchema });
export const rolePermissionsSchema = z.object({ permissions: permissionListSchema });
