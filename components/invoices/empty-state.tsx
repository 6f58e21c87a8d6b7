import Link from "next/link";
import { clearFiltersHref, listHref } from "@/lib/invoices/filter-url";
import { hasActiveFilters, type ListFilters } from "@/lib/invoices/filters";

// Why a list is empty, said plainly (R-I6), with the one action that helps.
export function EmptyState({ title, children, action }: { title: React.ReactNode; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="text-sm font-medium text-slate-900">{title}</p>
      {children ? <div className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

// Why this list is empty: a filter matched nothing, a page past the end, or nothing in the window.
export function EmptyList({ filters, currency }: { filters: ListFilters; currency: string }) {
  const link = (href: string, text: string) => (
    <Link href={href} className="text-sm font-medium text-brand-700 underline underline-offset-2">
      {text}
    </Link>
  );
  const things = filters.tab === "payments" ? "payments" : "invoices";
  if (hasActiveFilters(filters)) return <EmptyState title={`No ${things} match these filters.`} action={link(clearFiltersHref(filters.tab), "Clear filters")} />;
  if (filters.cursor) return <EmptyState title="This page is empty." action={link(clearFiltersHref(filters.tab), "Back to the first page")} />;
  if (filters.tab === "open") return <EmptyState title="Nothing is due.">You have no open invoices.</EmptyState>;
  return <EmptyState title={`No ${things} in the last 12 months.`} action={link(listHref({ ...filters, from: null }, currency), "Show all dates")} />;
}
