"use client";

import Link from "next/link";
import { ScrollStrip } from "@/components/ui/scroll-strip";
import { cn } from "@/lib/cn";

// One tab of the strip, its words computed on the server (invoice-tabs.tsx).
export type TabLink = { href: string; label: string; count: string; noun: string; total: string; active: boolean };

// The tab strip's markup. A client component only so the page's RSC payload holds each tab's few
// words, not its markup and classes.
export function InvoiceTabStrip({ tabs, watch }: { tabs: TabLink[]; watch: string }) {
  return (
    <ScrollStrip as="nav" watch={watch} aria-label="Invoice and payment views" className="relative mb-4 border-b border-slate-200 [--scroll-hint-bg:var(--color-slate-50)]">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={cn(
                "-mb-px block border-b-2 px-3 pt-2 pb-2.5 sm:px-4",
                tab.active ? "border-brand-600 text-slate-900" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              <span className="flex items-center gap-2 text-sm font-medium">
                {tab.label}
                <span className={cn("rounded-full px-1.5 text-xs tabular-nums", tab.active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600")}>
                  {tab.count}
                  <span className="sr-only"> {tab.noun},</span>
                </span>
              </span>
              <span className="mt-0.5 block text-xs text-slate-500 tabular-nums">{tab.total}</span>
            </Link>
          </li>
        ))}
      </ul>
    </ScrollStrip>
  );
}
