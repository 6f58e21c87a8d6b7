import { buttonClasses } from "@/components/ui/button";
import "./list-view.css";
import type { ListFilters } from "@/lib/invoices/filters";
import { exportHref, type ExportDelimiter, type ExportScope } from "@/lib/invoices/list-export-request";
import { EVERY_DATE_NOTE, hasDefaultWindow, windowNote } from "@/lib/invoices/window-note";

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

function ScopeLinks({ filters, currency, counts, delimiter, locale }: Props & { delimiter: ExportDelimiter }) {
  const suffix = delimiter === "semicolon" ? " (semicolon-separated)" : "";
  const hints = scopeHints(filters);
  return (
    <ul>
      {SCOPES.map(({ scope, label }) => {
        const hint = hints[scope];
        const rows = `${counts[scope].toLocaleString(locale)} ${counts[scope] === 1 ? "row" : "rows"}`;
        return (
          <li key={scope}>
            <a href={exportHref(filters, currency, scope, delimiter)} aria-label={`${label}${suffix}, ${rows}`} className="xm-item">
              <span>
                <span className="font-medium">{label}</span>
                {delimiter === "comma" ? <span className="block text-xs text-slate-500">{hint}</span> : null}
              </span>
              <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">{rows}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

type Props = { filters: ListFilters; currency: string; locale: string; counts: Record<ExportScope, number> };

// The CSV button of a tab (R-E1): a disclosure, so it opens without JavaScript, holding plain
// download links for each scope with its row count, comma- and semicolon-separated. The links
// carry no `download` attribute: the CSV's Content-Disposition makes it a download anyway, and a
// refused export (rate limit, permission) can then show its refusal page instead of a failed file.
export function ExportMenu(props: Props) {
  return (
    <details className="no-print relative">
      <summary className={`${buttonClasses("secondary", "sm")} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        CSV<span className="sr-only"> export</span>
        <span aria-hidden="true" className="text-xs text-slate-500">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-2 pt-1 pb-0.5 text-xs font-medium text-slate-600">Download CSV</p>
        <ScopeLinks {...props} delimiter="comma" />
        <p className="mt-1 border-t border-slate-100 px-2 pt-2 pb-0.5 text-xs font-medium text-slate-600">Semicolon-separated (Excel, some locales)</p>
        <ScopeLinks {...props} delimiter="semicolon" />
      </div>
    </details>
  );
}
