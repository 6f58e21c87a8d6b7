import { z } from "zod";
import { addMonths, isIsoDate, isoDateInZone } from "@/lib/dates";
import { decimalStringToMinor } from "@/lib/money";
import { INVOICE_DISPLAY_STATUSES, PAYMENT_STATUSES } from "./invoice-status";
import { decodeCursor, type PageCursor, type PageDirection, type SortDir } from "@/lib/pagination/cursor";
import { stripControls } from "@/lib/validation";

// What the Invoices + Payments screen shows, parsed from the URL. Pure: `now` and the account's
// zone and currency are passed in. Anything invalid falls back to its default, never an error.

export const TABS = ["open", "recent", "payments"] as const;
export type Tab = (typeof TABS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export const INVOICE_STATUS_FILTERS = INVOICE_DISPLAY_STATUSES;
export const PAYMENT_STATUS_FILTERS = PAYMENT_STATUSES;
export type StatusFilter = (typeof INVOICE_STATUS_FILTERS)[number] | (typeof PAYMENT_STATUS_FILTERS)[number];

type SortOption = { dir: SortDir; type: "date" | "int" | "text" };

// The sortable columns of each tab (a whitelist), each with the direction a first click gives.
export const TAB_OPTIONS = {
  open: {
    statuses: ["open", "past_due"],
    defaultSort: "due_date",
    window: false,
    sorts: {
      due_date: { dir: "asc", type: "date" },
      number: { dir: "asc", type: "text" },
      issue_date: { dir: "desc", type: "date" },
      total: { dir: "desc", type: "int" },
      balance: { dir: "desc", type: "int" },
    },
  },
  recent: {
    statuses: INVOICE_STATUS_FILTERS,
    defaultSort: "issue_date",
    window: true,
    sorts: {
      issue_date: { dir: "desc", type: "date" },
      number: { dir: "desc", type: "text" },
      due_date: { dir: "desc", type: "date" },
      total: { dir: "desc", type: "int" },
      paid: { dir: "desc", type: "int" },
      balance: { dir: "desc", type: "int" },
    },
  },
  payments: {
    statuses: PAYMENT_STATUS_FILTERS,
    defaultSort: "received_on",
    window: true,
    sorts: { received_on: { dir: "desc", type: "date" }, reference: { dir: "asc", type: "text" }, amount: { dir: "desc", type: "int" } },
  },
} as const satisfies Record<Tab, { statuses: readonly StatusFilter[]; defaultSort: string; window: boolean; sorts: Record<string, SortOption> }>;

export type ListFilters = {
  tab: Tab;
  from: string | null; // calendar days, inclusive
  to: string | null;
  defaultFrom: string | null; // the tab's default window start, so URLs can omit it
  statuses: StatusFilter[];
  q: string;
  minMinor: number | null;
  maxMinor: number | null;
  sort: string;
  dir: SortDir;
  size: PageSize;
  cursor: { direction: PageDirection; at: PageCursor } | null;
};

export type FilterContext = { timeZone: string; currency: string };

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
// Control and Bidi characters in a URL's text are dropped (never a failed page or query).
const text = z.preprocess(first, z.string().max(200).transform(stripControls).optional()).catch(undefined);

// The raw URL shape: every field tolerates garbage (`.catch`) so a bad link still renders.
export const invoiceFiltersSchema = z.object({
  tab: z.preprocess(first, z.enum(TABS)).catch("open"),
  from: text,
  to: text,
  status: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(20)).max(10)).catch([]),
  q: text,
  min: text,
  max: text,
  sort: text,
  dir: z.preprocess(first, z.enum(["asc", "desc"]).optional()).catch(undefined),
  size: z.preprocess(first, z.coerce.number().pipe(z.literal(PAGE_SIZES))).catch(25),
  after: text,
  before: text,
});

export type RawFilters = Record<string, string | string[] | undefined>;

// Recent Invoices and Recent Payments start at the same day 12 months ago, in the account's zone.
export function defaultWindowStart(tab: Tab, context: FilterContext, now: Date): string | null {
  return TAB_OPTIONS[tab].window ? addMonths(isoDateInZone(now, context.timeZone), -12) : null;
}

function amount(value: string | undefined, currency: string): number | null {
  if (!value?.trim()) return null;
  try {
    const minor = decimalStringToMinor(value, currency);
    return minor >= 0 ? minor : null;
  } catch {
    return null;
  }
}

function validCursorValue(value: string | number, type: SortOption["type"]): boolean {
  if (type === "date") return typeof value === "string" && isIsoDate(value);
  if (type === "int") return typeof value === "number" && Number.isSafeInteger(value);
  return typeof value === "string";
}

export function parseInvoiceFilters(params: RawFilters, context: FilterContext, now: Date): ListFilters {
  const raw = invoiceFiltersSchema.parse(params);
  const options = TAB_OPTIONS[raw.tab];
  const sorts: Record<string, SortOption> = options.sorts;
  const defaultFrom = defaultWindowStart(raw.tab, context, now);

  // Absent means the default window; an empty value means "no lower bound" (a cleared field).
  let from = raw.from === undefined ? defaultFrom : raw.from === "" ? null : isIsoDate(raw.from) ? raw.from : defaultFrom;
  let to = raw.to && isIsoDate(raw.to) ? raw.to : null;
  if (from && to && from > to) [from, to] = [to, from];

  let minMinor = amount(raw.min, context.currency);
  let maxMinor = amount(raw.max, context.currency);
  if (minMinor !== null && maxMinor !== null && minMinor > maxMinor) [minMinor, maxMinor] = [maxMinor, minMinor];

  const allowed: readonly string[] = options.statuses;
  const statuses = [...new Set(raw.status)].filter((s): s is StatusFilter => allowed.includes(s));

  const sort = raw.sort && Object.hasOwn(sorts, raw.sort) ? raw.sort : options.defaultSort;
  const dir = raw.dir ?? sorts[sort].dir;

  // A cursor only counts for the sort it was made for; otherwise start from the first page.
  const direction: PageDirection = raw.after ? "after" : "before";
  const at = decodeCursor(raw.after ?? raw.before);
  const cursor = at && at.sort === sort && at.dir === dir && validCursorValue(at.value, sorts[sort].type) ? { direction, at } : null;

  return { tab: raw.tab, from, to, defaultFrom, statuses, q: (raw.q ?? "").trim().slice(0, 100), minMinor, maxMinor, sort, dir, size: raw.size, cursor };
}

// True when the user narrowed the tab beyond its defaults (used for the "nothing matched" state).
export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.from !== filters.defaultFrom || filters.to !== null || filters.statuses.length > 0 || filters.q !== "" || filters.minMinor !== null || filters.maxMinor !== null;
}

// The page the URL asks for; exports pass their own cursor and a larger limit instead.
export function pageRequestOf(filters: ListFilters): { cursor: PageCursor | null; direction: PageDirection; limit: number } {
  return { cursor: filters.cursor?.at ?? null, direction: filters.cursor?.direction ?? "after", limit: filters.size };
}
