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
              <b>{s.label}</b>
              {delimiter === "comma" ? <span className="xm-hint">{s.hint}</span> : null}
            </span>
            <span className="xm-rows">{s.rows}</span>
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
      <div className="xm-panel">
        <p className="xm-heading">Download CSV</p>
        <ScopeLinks scopes={scopes} delimiter="comma" />
        <p className="xm-heading">Semicolon-separated (Excel, some locales)</p>
        <ScopeLinks scopes={scopes} delimiter="semicolon" />
      </div>
    </details>
  );
}
