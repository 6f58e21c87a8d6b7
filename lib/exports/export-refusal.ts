import "server-only";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { countExportRefusal } from "@/lib/metrics/registry";
import { CONCURRENT_EXPORTS, EXPORTS_PER_MINUTE } from "./export-limit";

// A refused export opened by a browser (issue 13 item 3): a download link that answers 429, 403
// or 422 leaves the user with a "failed download" and no reason. Browser navigations are sent
// to a portal page that says what happened and when to retry; API clients (no text/html in
// Accept) keep the JSON error body and Retry-After.

export const EXPORT_REFUSED_PATH = "/account/export-refused";

// Where each export is started from: the refusal page links back there. A whitelist, so the
// link can never point off the portal.
export const EXPORT_SOURCES = { invoices: { path: "/account/invoices", label: "Invoices + Payments" }, "audit-log": { path: "/account/audit-log", label: "Audit Log" } } as const;
export type ExportSource = keyof typeof EXPORT_SOURCES;

// What the page says for each refusal, in fixed words (never text echoed from the URL).
export const REFUSAL_MESSAGES = {
  rate_limited: {
    title: "Too many exports at once",
    body: `You can start ${EXPORTS_PER_MINUTE} exports a minute and have ${CONCURRENT_EXPORTS} downloading at the same time.`,
  },
  forbidden: { title: "You can't export this", body: "Your role does not include the permission this export needs. An account administrator can change your role." },
  invalid: { title: "This export link is not valid", body: "The link asks for a tab, scope or filter the portal does not offer. Start the export again from the page." },
  bad_request: { title: "This export link is not valid", body: "The request could not be read. Start the export again from the page." },
} as const satisfies Partial<Record<AppErrorCode, { title: string; body: string }>>;
export type RefusalReason = keyof typeof REFUSAL_MESSAGES;

const isRefusalReason = (code: string): code is RefusalReason => Object.hasOwn(REFUSAL_MESSAGES, code);

// A top-level navigation by a browser (a clicked link or a typed URL), not fetch() or an API client.
export function isBrowserNavigation(request: Request): boolean {
  const accept = request.headers.get("accept") ?? "";
  const dest = request.headers.get("sec-fetch-dest");
  return accept.includes("text/html") && (dest === null || dest === "document");
}

// The refusal page's URL for an export error, or null for anything it does not explain.
export function exportRefusedHref(error: unknown, source: ExportSource): string | null {
  if (!isAppError(error) || !isRefusalReason(error.code)) return null;
  const params = new URLSearchParams({ reason: error.code, from: source });
  const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (error.code === "rate_limited" && typeof retryAfter === "number") params.set("retryAfter", String(retryAfter));
  return `${EXPORT_REFUSED_PATH}?${params}`;
}

// The export routes' onError: a 303 to the refusal page for a browser, null (the JSON error) otherwise.
// Every refusal of an export (by its code; not signing in is no refusal) is counted for the metrics page.
// A link on another site stays a bare 403 (Fetch Metadata, lib/http/route.ts): the portal does not
// answer other sites' requests with its pages. The Location is relative, so it stays on whatever
// origin the request came in on.
export function redirectRefusedExport(source: ExportSource) {
  return (error: unknown, request: Request): Response | null => {
    if (isAppError(error) && error.code !== "unauthenticated") countExportRefusal(error.code);
    const fromPortal = request.headers.get("sec-fetch-site") !== "cross-site";
    const href = fromPortal && isBrowserNavigation(request) ? exportRefusedHref(error, source) : null;
    return href ? new Response(null, { status: 303, headers: { Location: href } }) : null;
  };
}
