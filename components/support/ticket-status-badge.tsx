import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type TicketStatus } from "@/lib/support/ticket-labels";

const TONE: Record<TicketStatus, BadgeTone> = { open: "info", in_progress: "warning", resolved: "success", closed: "neutral" };

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return <Badge tone={TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}
