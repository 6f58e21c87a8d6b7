import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";

// A short reading of an audit event's details for the table: "from: Ops; to: Billing". Nested
// records are counted rather than spelled out; the CSV export carries them in full.
export function describeAuditDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${humanKey(key)}: ${humanValue(value)}`)
    .join("; ");
}

function humanKey(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

function humanValue(value: unknown): string {
  if (typeof value === "string" && isPermission(value)) return PERMISSION_INFO[value].label;
  if (Array.isArray(value) && value.some((v) => typeof v === "object" && v !== null)) return value.length === 1 ? "1 item" : `${value.length} items`;
  if (Array.isArray(value)) return value.length ? value.map(humanValue).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
