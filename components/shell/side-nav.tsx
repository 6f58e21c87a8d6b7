"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ScrollStrip } from "@/components/ui/scroll-strip";
import "./shell.css";
import type { NavLinkGroup } from "@/lib/navigation";

// Left navigation; on narrow screens it becomes a horizontal strip above the page that shows
// where more links hide and keeps the current one in view.
export function SideNav({ groups }: { groups: NavLinkGroup[] }) {
  const pathname = usePathname();
  // The deepest matching link is the current one (/operator/tickets, not also /operator).
  const current = groups
    .flatMap((g) => g.items.map((i) => i.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="no-print sn">
      <ScrollStrip watch={pathname} className="sn-strip">
        {groups.length === 0 ? <p className="px-2 py-1.5 text-sm text-slate-600">No billing pages are available to you yet.</p> : null}
        {groups.map((group) => (
          <div key={group.label} className="shrink-0">
            <h2 className="sn-group">{group.label}</h2>
            <ul className="sn-list">
              {group.items.map((item) => {
                const active = item.href === current;
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={active ? "page" : undefined} className="sn-link">
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
