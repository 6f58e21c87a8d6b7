import { listHref } from "@/lib/invoices/filter-url";
import type { ListFilters } from "@/lib/invoices/filters";
import { PagerView } from "./pager-view";

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
  return (
    <PagerView
      summary={`${shown.toLocaleString(locale)} on this page · ${count.toLocaleString(locale)} in all · ${filters.size} a page`}
      prevHref={prevCursor ? listHref(filters, currency, { direction: "before", token: prevCursor }) : null}
      nextHref={nextCursor ? listHref(filters, currency, { direction: "after", token: nextCursor }) : null}
    />
  );
}
