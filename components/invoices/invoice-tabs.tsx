import Link from "next/link";
import { ScrollStrip } from "@/components/ui/scroll-strip";
import { cn } from "@/lib/cn";
import { tabHref } from "@/lib/invoices/filter-url";
import type { Tab } from "@/lib/invoices/filters";
import type { ListSummary } from "@/lib/invoices/invoice-list-query";
import { DEFAULT_WINDOW_NOTE, hasDefaultWindow } from "@/lib/invoices/window-note";
import { formatMoney } from "@/lib/money";

const TAB_INFO: Record<Tab, { label: string; noun: [string, string]; totalWord: string }> = {
  open: { label: "Open Invoices", noun: ["invoice", "invoices"], totalWord: "due" },
  recent: { label: "Recent Invoices", noun: ["invoice", "invoices"], totalWord: "billed" },
  payments: { label: "Recent Payments", noun: ["payment", "payments"], totalWord: "received" },
};

// The three views, each labelled with its row count and total (the tab's default view, so a
// windowed tab says it counts the last 12 months only).
// Tabs the viewer may not open (payments without payments.read) have no summary and are left out.
export function InvoiceTabs({ active, summaries, currency, locale }: { active: Tab; summaries: Partial<Record<Tab, ListSummary>>; currency: string; locale: string }) {
  const tabs = (Object.keys(TAB_INFO) as Tab[]).filter((tab) => summaries[tab]);
  return (
    <ScrollStrip as="nav" watch={active} aria-label="Invoice and payment views" className="relative mb-4 border-b border-slate-200 [--scroll-hint-bg:var(--color-slate-50)]">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => {
          const info = TAB_INFO[tab];
          const summary = summaries[tab]!;
          const isActive = tab === active;
          return (
            <li key={tab}>
              <Link
                href={tabHref(tab)}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "-mb-px block border-b-2 px-3 pt-2 pb-2.5 sm:px-4",
                  isActive ? "border-brand-600 text-slate-900" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                <span className="flex items-center gap-2 text-sm font-medium">
                  {info.label}
                  <span className={cn("rounded-full px-1.5 text-xs tabular-nums", isActive ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600")}>
                    {summary.count.toLocaleString(locale)}
                    <span className="sr-only"> {summary.count === 1 ? info.noun[0] : info.noun[1]},</span>
                  </span>
                </span>
                <span className="mt-0.5 block text-xs text-slate-500 tabular-nums">
                  {formatMoney(summary.totalMinor, currency, locale)} {info.totalWord}
                  {hasDefaultWindow(tab) ? ` · ${DEFAULT_WINDOW_NOTE}` : ""}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </ScrollStrip>
  );
}
