import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

// Newer / Older links for a keyset-paged list; plain links, so the URL holds the page.
export function KeysetPager({ label, noun, newerHref, olderHref }: { label: string; noun: string; newerHref: string | null; olderHref: string | null }) {
  if (!newerHref && !olderHref) return null;
  return (
    <nav aria-label={label} className="flex justify-between gap-3 border-t border-slate-200 px-3 py-2.5">
      {newerHref ? (
        <Link href={newerHref} className={buttonClasses("secondary", "sm")} rel="prev">
          ← Newer {noun}
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link href={olderHref} className={buttonClasses("secondary", "sm")} rel="next">
          Older {noun} →
        </Link>
      ) : null}
    </nav>
  );
}
