import { cn } from "@/lib/cn";

// Dense data tables: a scroll container (narrow screens scroll sideways, the page does not),
// header and cell styles, and right-aligned numbers.
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
      className={cn(
        "border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-600",
        numeric ? "text-right" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ numeric, className, ...props }: React.TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={cn("px-3 py-2 align-top", numeric && "text-right whitespace-nowrap tabular-nums", className)} {...props} />;
}
