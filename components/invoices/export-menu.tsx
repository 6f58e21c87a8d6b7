import type { ListFilters } from "@/lib/invoices/filters";
import { exportHref, type ExportScope } from "@/lib/invoices/list-export-request";
import { EVERY_DATE_NOTE, hasDefaultWindow, windowNote } from "@/lib/invoices/window-note";
import { ExportMenuPanel } from "./export-menu-panel";

const SCOPES: { scope: ExportScope; label: string }[] = [
  { scope: "all", label: "All" },
  { scope: "current", label: "Current Set" },
  { scope: "filtered", label: "Filtered" },
];

// What each scope holds. On a tab with a 12-month default window, "All" has every date, which is
// why its count is larger than the tab's (issue 13 item 8): say so, and name the window.
function scopeHints(filters: ListFilters): Record<ExportScope, string> {
  const note = windowNote(filters);
  return {
    all: hasDefaultWindow(filters.tab) ? `${EVERY_DATE_NOTE}, no filters` : "every row of this tab, no filters",
    current: "the rows on this page",
    filtered: note ? `all pages, ${note}` : "all pages matching the filters",
  };
}

type Props = { filters: ListFilters; currency: string; locale: string; counts: Record<ExportScope, number> };

// The CSV button of a tab (R-E1): a disclosure, so it opens without JavaScript, holding plain
// download links for each scope with its row count, comma- and semicolon-separated. The links
// carry no `download` attribute: the CSV's Content-Disposition makes it a download anyway, and a
// refused export (rate limit, permission) can then show its refusal page instead of a failed file.
export function ExportMenu({ filters, currency, locale, counts }: Props) {
  const hints = scopeHints(filters);
  const scopes = SCOPES.map(({ scope, label }) => ({
    label,
    hint: hints[scope],
    rows: `${counts[scope].toLocaleString(locale)} ${counts[scope] === 1 ? "row" : "rows"}`,
    comma: exportHref(filters, currency, scope, "comma"),
    semicolon: exportHref(filters, currency, scope, "semicolon"),
  }));
  return <ExportMenuPanel scopes={scopes} />;
}
