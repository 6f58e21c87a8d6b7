"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/lib/cn";
import "./disclosure-menu.css";

// A top-bar pop-over built on <details>: it opens and its links work without JavaScript. With
// JavaScript it also closes on Escape (focus back on the trigger), on a click outside, and after
// a link inside is followed, as a menu would.
export function DisclosureMenu({
  label,
  trigger,
  triggerClassName,
  panelClassName,
  children,
}: {
  label: string;
  trigger: React.ReactNode;
  triggerClassName?: string;
  panelClassName?: string;
  children: React.ReactNode;
}) {
  const root = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const details = root.current;
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !details.open) return;
      close();
      details.querySelector("summary")?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (details.open && !details.contains(e.target as Node)) close();
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest("a")) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    details.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      details.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <details ref={root} className="group relative">
      {/* role="button": <summary> is one to browsers and screen readers, but not to every tool. */}
      <summary role="button" aria-label={label} className={cn("dm-trigger", triggerClassName)}>
        {trigger}
      </summary>
      <div className={cn("dm-panel", panelClassName)}>{children}</div>
    </details>
  );
}
