import { cn } from "@/lib/cn";

// Dense, scrollable tables for finance screens: a caption for screen readers, header cells with
// scope, numbers right-aligned by the caller's `numeric` columns. The wrapper is `relative` so
// screen-reader-only text in cells scrolls with the table instead of widening the page on phones.
export function DataTable({ caption, className, children }: { caption: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("relative overflow-x-auto", className)}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ numeric, className, children }: { numeric?: boolean; className?: string; children?: React.ReactNode }) {
  return (
    <th scope="col" className={cn("bg-slate-50 px-3 py-2 text-left font-medium whitespace-nowrap text-slate-600", numeric && "text-right", className)}>
      {children}
    </th>
  );
}

export function Td({ numeric, className, children, colSpan }: { numeric?: boolean; className?: string; children?: React.ReactNode; colSpan?: number }) {
  return (
    <td colSpan={colSpan} className={cn("px-3 py-2 align-top", numeric && "text-right whitespace-nowrap tabular-nums", className)}>
      {children}
    </td>
  );
}
