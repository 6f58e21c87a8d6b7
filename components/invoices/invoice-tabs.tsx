import { tabHref } from "@/lib/invoices/filter-url";
import type { Tab } from "@/lib/invoices/filters";
import type { ListSummary } from "@/lib/invoices/invoice-list-query";
import { DEFAULT_WINDOW_NOTE, hasDefaultWindow } from "@/lib/invoices/window-note";
import { formatMoney } from "@/lib/money";
import { InvoiceTabStrip } from "./invoice-tab-strip";

const TAB_INFO: Record<Tab, { label: string; noun: [string, string]; totalWord: string }> = {
  open: { label: "Open Invoices", noun: ["invoice", "invoices"], totalWord: "due" },
  recent: { label: "Recent Invoices", noun: ["invoice", "invoices"], totalWord: "billed" },
  payments: { label: "Recent Payments", noun: ["payment", "payments"], totalWord: "received" },
};

// The three views, each labelled with its row count and total (the tab's default view, so a
// windowed tab says it counts the last 12 months only).
// Tabs the viewer may not open (payments without payments.read) have no summary and are left out.
export function InvoiceTabs({ active, summaries, currency, locale }: { active: Tab; summaries: Partial<Record<Tab, ListSummary>>; currency: string; locale: string }) {
  const tabs = (Object.keys(TAB_INFO) as Tab[]).flatMap((tab) => {
    const summary = summaries[tab];
    if (!summary) return [];
    const info = TAB_INFO[tab];
    return [
      {
        href: tabHref(tab),
        label: info.label,
        count: summary.count.toLocaleString(locale),
        noun: summary.count === 1 ? info.noun[0] : info.noun[1],
        total: `${formatMoney(summary.totalMinor, currency, locale)} ${info.totalWord}${hasDefaultWindow(tab) ? ` · ${DEFAULT_WINDOW_NOTE}` : ""}`,
        active: tab === active,
      },
    ];
  });
  return <InvoiceTabStrip tabs={tabs} watch={active} />;
}
