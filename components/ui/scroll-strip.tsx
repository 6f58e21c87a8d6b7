"use client";

import { useLayoutEffect, useRef } from "react";
import { cn } from "@/lib/cn";

// A horizontally scrolling strip (the side navigation and the tab strip on a phone) that shows
// shadows where more items hide (CSS, `scroll-hint-x`) and scrolls its current item
// (aria-current) into view, so the selected tab is never off-screen.
export function ScrollStrip({
  as: Tag = "div",
  className,
  children,
  watch,
  ...rest
}: { as?: "div" | "nav"; className?: string; children: React.ReactNode; watch?: unknown } & React.AriaAttributes) {
  const strip = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = strip.current;
    const current = el?.querySelector<HTMLElement>("[aria-current]");
    if (!el || !current || el.scrollWidth <= el.clientWidth) return;
    // Horizontal only: scrollIntoView would also scroll the page down to the strip.
    const left = current.offsetLeft - el.offsetLeft;
    if (left < el.scrollLeft || left + current.offsetWidth > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, left - (el.clientWidth - current.offsetWidth) / 2);
    }
  }, [watch]);
  return (
    <Tag ref={strip as React.RefObject<HTMLDivElement>} className={cn("scroll-hint-x", className)} {...rest}>
      {children}
    </Tag>
  );
}
