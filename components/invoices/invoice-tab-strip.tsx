"use client";

import Link from "next/link";
import { ScrollStrip } from "@/components/ui/scroll-strip";
import "./invoice-tab-strip.css";

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
            <Link href={tab.href} aria-current={tab.active ? "page" : undefined} className="ts-tab">
              <span className="ts-name">
                {tab.label}
                <span className="ts-count">
                  {tab.count}
                  <span className="sr-only"> {tab.noun},</span>
                </span>
              </span>
              <span className="ts-total">{tab.total}</span>
            </Link>
          </li>
        ))}
      </ul>
    </ScrollStrip>
  );
}
