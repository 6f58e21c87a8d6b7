import { cn } from "@/lib/cn";
import { INVOICE_STATUS_LABELS, PAYMENT_STATUS_LABELS, type InvoiceDisplayStatus, type PaymentStatus } from "@/lib/invoices/invoice-status";

// Status in words and colour together (never colour alone); the dot only decorates.
const TONES = {
  blue: "bg-sky-50 text-sky-800 ring-sky-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  grey: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

const DOTS: Record<keyof typeof TONES, string> = {
  blue: "bg-sky-500",
  red: "bg-red-500",
  green: "bg-emerald-500",
  amber: "bg-amber-500",
  grey: "bg-slate-400",
};

const INVOICE_TONES: Record<InvoiceDisplayStatus, keyof typeof TONES> = { open: "blue", past_due: "red", paid: "green", void: "grey" };
const PAYMENT_TONES: Record<PaymentStatus, keyof typeof TONES> = { succeeded: "green", pending: "amber", failed: "red", refunded: "grey" };

function Badge({ tone, label }: { tone: keyof typeof TONES; label: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONES[tone])}>
      <span aria-hidden="true" className={cn("h-1.5 w-1.5 rounded-full", DOTS[tone])} />
      {label}
    </span>
  );
}

export function InvoiceStatusBadge({ status }: { status: InvoiceDisplayStatus }) {
  return <Badge tone={INVOICE_TONES[status]} label={INVOICE_STATUS_LABELS[status]} />;
}

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return <Badge tone={PAYMENT_TONES[status]} label={PAYMENT_STATUS_LABELS[status]} />;
}
