import { AppError } from "@/lib/errors";
import type { Operator, Viewer } from "./load-viewer";
import type { Permission } from "./permissions";

export function can(viewer: Viewer, permission: Permission): boolean {
  return viewer.permissions.has(permission);
}

// Tenant data functions that need no permission, only a signed-in member of the account
// (their own preferences and alerts, the names of the account's administrators) start with this.
export function requireAccountMember(viewer: Viewer): void {
  if (!viewer || viewer.kind !== "customer" || !viewer.accountId) throw new AppError("unauthenticated", "Sign in to continue.");
}

// Every other tenant data function starts with this.
export function requirePermission(viewer: Viewer, permission: Permission): void {
  requireAccountMember(viewer);
  if (!viewer.permissions.has(permission)) throw new AppError("forbidden", `Missing permission: ${permission}`, { permission });
}

// Every operator function starts with this.
export function requireOperator(operator: Operator): void {
  if (!operator || operator.kind !== "operator") throw new AppError("not_found", "Not found");
}
