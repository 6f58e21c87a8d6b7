import { Badge, type BadgeTone } from "@/components/ui/badge";
import { INVOICE_STATUS_LABELS, PAYMENT_STATUS_LABELS, type InvoiceDisplayStatus, type InvoiceLedgerStatus, type PaymentStatus } from "@/lib/invoices/invoice-status";
import { STATUS_LABELS as TICKET_STATUS_LABELS, type TicketStatus } from "@/lib/support/ticket-labels";
import type { UserStatus } from "@/lib/users/list-users";

// Every status the portal shows, in words and colour together (never colour alone): one table
// of label and tone per kind of thing, so a status reads the same on every screen.

type Looks<S extends string> = { labels: Record<S, string>; tones: Record<S, BadgeTone> };

const looks = <S extends string>(labels: Record<S, string>, tones: Record<S, BadgeTone>): Looks<S> => ({ labels, tones });

const STATUS_LOOKS = {
  // What a customer sees of an invoice (lists, details).
  invoice: looks<InvoiceDisplayStatus>(INVOICE_STATUS_LABELS, { open: "info", past_due: "danger", paid: "success", void: "neutral" }),
  // What the provider's staff see of an invoice (operator console).
  ledger: looks<InvoiceLedgerStatus>(
    { open: "Open", partly_paid: "Partly paid", paid: "Paid", void: "Void" },
    { open: "info", partly_paid: "warning", paid: "success", void: "neutral" },
  ),
  payment: looks<PaymentStatus>(PAYMENT_STATUS_LABELS, { succeeded: "success", pending: "warning", failed: "danger", refunded: "neutral" }),
  ticket: looks<TicketStatus>(TICKET_STATUS_LABELS, { open: "info", in_progress: "warning", resolved: "success", closed: "neutral" }),
  user: looks<UserStatus>(
    { active: "Active", invited: "Invited", invitation_expired: "Invitation expired", disabled: "Disabled" },
    { active: "success", invited: "info", invitation_expired: "warning", disabled: "neutral" },
  ),
};

type StatusKind = keyof typeof STATUS_LOOKS;
type StatusOf<K extends StatusKind> = keyof (typeof STATUS_LOOKS)[K]["labels"] & string;

// The words and tone of a status: what the badge shows (list-cells.tsx renders it inline).
export function statusBadgeLook<K extends StatusKind>(kind: K, status: StatusOf<K>): { tone: BadgeTone; label: string } {
  const { labels, tones } = STATUS_LOOKS[kind] as Looks<StatusOf<K>>;
  return { tone: tones[status], label: labels[status] };
}

export function StatusBadge<K extends StatusKind>({ kind, status }: { kind: K; status: StatusOf<K> }) {
  const { tone, label } = statusBadgeLook(kind, status);
  return (
    <Badge tone={tone} dot>
      {label}
    </Badge>
  );
}
