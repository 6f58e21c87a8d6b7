import { cn } from "@/lib/cn";

// The one set of table primitives: dense tables with a caption for screen readers, header cells
// with scope, numbers right-aligned by the caller's `numeric` columns. Narrow screens scroll the
// table sideways, not the page; the wrapper is `relative` so screen-reader-only text in cells
// scrolls with the table instead of widening the page on phones.
export function DataTable({ caption, className, children }: { caption: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("relative overflow-x-auto", className)}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ numeric, className, ...props }: React.ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope="col"
      className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600", numeric ? "text-right" : "text-left", className)}
      {...props}
    />
  );
}

export function Td({ numeric, className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={cn("px-3 py-2 align-top", numeric && "text-right whitespace-nowrap tabular-nums", className)} {...props} />;
}
