"use client";

import { buttonClasses } from "@/components/ui/button";
import "./list-view.css";

// One scope of the CSV menu, computed on the server (export-menu.tsx): its name, what it holds,
// its row count in words and its download link for each delimiter.
export type ExportScopeLink = { label: string; hint: string; rows: string; comma: string; semicolon: string };

function ScopeLinks({ scopes, delimiter }: { scopes: ExportScopeLink[]; delimiter: "comma" | "semicolon" }) {
  const suffix = delimiter === "semicolon" ? " (semicolon-separated)" : "";
  return (
    <ul>
      {scopes.map((s) => (
        <li key={s.label}>
          <a href={s[delimiter]} aria-label={`${s.label}${suffix}, ${s.rows}`} className="xm-item">
            <span>
              <span className="font-medium">{s.label}</span>
              {delimiter === "comma" ? <span className="block text-xs text-slate-500">{s.hint}</span> : null}
            </span>
            <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">{s.rows}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

// The CSV button's disclosure and its links (R-E1). A client component only so the page's RSC
// payload holds the links' data, not the menu's markup twice over.
export function ExportMenuPanel({ scopes }: { scopes: ExportScopeLink[] }) {
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
        <ScopeLinks scopes={scopes} delimiter="comma" />
        <p className="mt-1 border-t border-slate-100 px-2 pt-2 pb-0.5 text-xs font-medium text-slate-600">Semicolon-separated (Excel, some locales)</p>
        <ScopeLinks scopes={scopes} delimiter="semicolon" />
      </div>
    </details>
  );
}
