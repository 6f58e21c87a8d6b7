"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ScrollStrip } from "@/components/ui/scroll-strip";
import { cn } from "@/lib/cn";
import type { NavGroup } from "@/lib/navigation";

// Left navigation; on narrow screens it becomes a horizontal strip above the page that shows
// where more links hide and keeps the current one in view.
export function SideNav({ groups }: { groups: NavGroup[] }) {
  const pathname = usePathname();
  // The deepest matching link is the current one (/operator/tickets, not also /operator).
  const current = groups
    .flatMap((g) => g.items.map((i) => i.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="no-print border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
      <ScrollStrip watch={pathname} className="flex gap-4 px-3 py-2 md:block md:space-y-5 md:overflow-visible md:px-3 md:py-5">
        {groups.length === 0 ? <p className="px-2 py-1.5 text-sm text-slate-600">No billing pages are available to you yet.</p> : null}
        {groups.map((group) => (
          <div key={group.label} className="shrink-0">
            <h2 className="hidden px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">{group.label}</h2>
            <ul className="flex gap-1 md:mt-2 md:block md:space-y-0.5">
              {group.items.map((item) => {
                const active = item.href === current;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      className={cn(
                        "block rounded-md px-2 py-1.5 text-sm whitespace-nowrap",
                        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
                      )}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </ScrollStrip>
    </nav>
  );
}
