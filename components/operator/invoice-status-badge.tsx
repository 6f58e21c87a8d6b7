import { Badge } from "@/components/ui/badge";

// Invoice status as operators see it; "Open" only when nothing is paid yet.
export function InvoiceStatusBadge({ status, paidMinor }: { status: "open" | "paid" | "void"; paidMinor: number }) {
  if (status === "paid") return <Badge tone="success">Paid</Badge>;
  if (status === "void") return <Badge tone="neutral">Void</Badge>;
  return paidMinor > 0 ? <Badge tone="warning">Partly paid</Badge> : <Badge tone="info">Open</Badge>;
}
