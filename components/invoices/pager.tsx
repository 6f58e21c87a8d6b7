import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { listHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";

// Previous / Next by keyset cursor. Plain links: the URL holds the page, so Back returns to it.
export function Pager({
  filters,
  currency,
  prevCursor,
  nextCursor,
  shown,
  count,
  locale,
}: {
  filters: ListFilters;
  currency: string;
  prevCursor: string | null;
  nextCursor: string | null;
  shown: number;
  count: number;
  locale: string;
}) {
  if (!prevCursor && !nextCursor) return null;
  const disabled = cn(buttonClasses("secondary", "sm"), "pointer-events-none opacity-50");
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-2.5 text-sm text-slate-600">
      <p>
        {shown.toLocaleString(locale)} on this page · {count.toLocaleString(locale)} in all · {filters.size} a page
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Link href={listHref(filters, currency, { direction: "before", token: prevCursor })} className={buttonClasses("secondary", "sm")} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            ← Previous
          </span>
        )}
        {nextCursor ? (
          <Link href={listHref(filters, currency, { direction: "after", token: nextCursor })} className={buttonClasses("secondary", "sm")} rel="next">
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
