import { PERMISSION_INFO, type Permission } from "./permissions";

// "View Invoices, Use Support Tickets" — how a role reads in pickers and lists.
export function roleSummary(permissions: readonly Permission[]): string {
  return permissions.length ? permissions.map((p) => PERMISSION_INFO[p].label).join(", ") : "No permissions";
}
