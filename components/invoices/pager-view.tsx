"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";

// The pager's markup from its words and links (pager.tsx computes them on the server). A client
// component only so the page's RSC payload holds those, not the markup.
export function PagerView({ summary, prevHref, nextHref }: { summary: string; prevHref: string | null; nextHref: string | null }) {
  const disabled = cn(buttonClasses("secondary", "sm"), "pointer-events-none opacity-50");
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2.5 text-sm text-slate-600">
      <p>{summary}</p>
      <div className="flex gap-2">
        {prevHref ? (
          <Link href={prevHref} className={buttonClasses("secondary", "sm")} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} className={buttonClasses("secondary", "sm")} rel="next">
            Next →
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}
