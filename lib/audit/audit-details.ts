import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";
import { formatDay, formatInstant, isIsoDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { STATUS_LABELS } from "@/lib/support/ticket-labels";
import { auditActionLabel } from "./audit-actions";

export type AuditDetailsFormat = { locale: string; timeZone: string };
type Details = Record<string, unknown>;

const TABS: Record<string, string> = { open: "Open invoices", recent: "Recent invoices", payments: "Payments" };
const SCOPES: Record<string, string> = { all: "all rows", current: "the page on screen", filtered: "every filtered row" };
const DELIMITERS: Record<string, string> = { ",": "comma-separated", ";": "semicolon-separated" };
const KEY_LABELS: Record<string, string> = { lastError: "last error", usersReassigned: "users moved", reassignedTo: "moved to", prefix: "key starts with" };

// Actions whose details need more than "key: value" to read well: amounts with their currency,
// export settings, preference switches, a filter that names another action.
const SPECIFIC: Record<string, (d: Details, f: AuditDetailsFormat) => (string | null)[]> = {
  "invoice.posted": (d, f) => [text(d.number), money(d.totalMinor, d.currency, f)],
  "invoice.voided": (d) => [text(d.number), d.reason ? `reason: ${text(d.reason)}` : null],
  "invoice.exported": (d) => [text(d.number), typeof d.format === "string" ? `as ${d.format.toUpperCase()}` : null],
  "invoices.exported": (d) => [
    TABS[String(d.tab)] ?? null,
    SCOPES[String(d.scope)] ?? null,
    DELIMITERS[String(d.delimiter)] ?? null,
    typeof d.rowCount === "number" ? `${d.rowCount} ${d.rowCount === 1 ? "row" : "rows"}` : null,
    d.completed === false ? "stopped before the end" : null,
  ],
  "payment.recorded": (d, f) => [
    money(d.amountMinor, d.currency, f),
    d.reference ? `reference ${text(d.reference)}` : null,
    Array.isArray(d.allocations) && d.allocations.length ? `applied to ${d.allocations.length} ${d.allocations.length === 1 ? "invoice" : "invoices"}` : null,
  ],
  "payment_method.added": (d) => [text(d.brand), d.isDefault ? "made the default" : null],
  "notification_preferences.changed_for_user": (d) => [text(d.email), `alert ${switchChange(d, "alert")}`, `email ${switchChange(d, "email")}`],
  "audit_log.exported": (d, f) => [
    d.actor ? "one person" : "anyone",
    typeof d.action === "string" ? auditActionLabel(d.action) : "any action",
    d.from || d.to ? `${d.from ? day(d.from, f) : "the start"} to ${d.to ? day(d.to, f) : "today"}` : "every date",
  ],
  "ticket.status_changed": (d) => [`from ${ticketStatus(d.from)} to ${ticketStatus(d.to)}`],
  "invoice.access_granted": (d, f) => [Array.isArray(d.invoices) ? d.invoices.map(text).join(", ") : null, d.expiresAt ? `until ${instant(d.expiresAt, f)}` : null],
  "account.upgraded": (d) => [d.generation ? `to Generation ${text(d.generation)}` : null],
  // The path as requested (the route pattern with its [id] placeholders is for grouping only).
  "access.denied": (d) => [
    typeof d.path === "string" ? text(d.path) : null,
    typeof d.permission === "string" && isPermission(d.permission) ? `needs ${PERMISSION_INFO[d.permission].label}` : d.otherAccount ? "a record of another account" : null,
  ],
};

// A short reading of an audit event's details for the table and the CSV's Summary column, e.g.
// "ACME-1058; $1,434.30". Never raw JSON, internal keys or minor units; the CSV's JSON column
// keeps the details in full.
export function describeAuditDetails(action: string, details: Details, format: AuditDetailsFormat): string {
  const specific = SPECIFIC[action];
  if (specific)
    return specific(details, format)
      .filter((part): part is string => Boolean(part))
      .join("; ");
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([key, value]) => `${humanKey(key)}: ${humanValue(value, format)}`)
    .join("; ");
}

function humanKey(key: string): string {
  return (
    KEY_LABELS[key] ??
    key
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/_/g, " ")
      .toLowerCase()
  );
}

function humanValue(value: unknown, format: AuditDetailsFormat): string {
  if (typeof value === "string" && isPermission(value)) return PERMISSION_INFO[value].label;
  if (typeof value === "string" && isInstant(value)) return instant(value, format);
  if (Array.isArray(value) && value.some((v) => typeof v === "object" && v !== null)) return value.length === 1 ? "1 item" : `${value.length} items`;
  if (Array.isArray(value)) return value.length ? value.map((v) => humanValue(v, format)).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .map(([k, v]) => `${humanKey(k)} ${humanValue(v, format)}`)
      .join(", ");
  }
  return String(value);
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const isInstant = (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
const instant = (value: unknown, f: AuditDetailsFormat) => formatInstant(new Date(String(value)), f.locale, f.timeZone);
const day = (value: unknown, f: AuditDetailsFormat) => (isIsoDate(String(value)) ? formatDay(String(value), f.locale) : text(value));
const ticketStatus = (value: unknown) => STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? text(value);

function money(minor: unknown, currency: unknown, f: AuditDetailsFormat): string | null {
  if (typeof minor !== "number" || typeof currency !== "string") return null;
  return formatMoney(minor, currency, f.locale);
}

// "on → off" for one switch of a preference change; "on" when it did not change.
function switchChange(d: Details, key: "alert" | "email"): string {
  const read = (side: unknown) => {
    const value = (side as Record<string, unknown> | null | undefined)?.[key];
    return typeof value === "boolean" ? (value ? "on" : "off") : null;
  };
  const before = read(d.before);
  const after = read(d.after);
  return before && after && before !== after ? `${before} → ${after}` : (after ?? before ?? "unchanged");
}
