import Link from "next/link";
import { Card } from "@/components/ui/card";

// The body of the not-found and error pages: what happened, and a way back.
export function StatusCard({
  title,
  children,
  backHref,
  backLabel,
  actions,
}: {
  title: string;
  children: React.ReactNode;
  backHref: string;
  backLabel: string;
  actions?: React.ReactNode;
}) {
  return (
    <Card className="max-w-xl p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div className="mt-2 space-y-2 text-sm text-slate-700">{children}</div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {actions}
        <Link href={backHref} className="text-sm font-medium text-brand-700 underline underline-offset-2">
          {backLabel}
        </Link>
      </div>
    </Card>
  );
}
