import { StatusCard } from "@/components/shell/status-card";

// Shown for an invoice that does not exist for this account (including another account's).
export default function InvoiceNotFound() {
  return (
    <StatusCard title="Invoice not found" backHref="/account/invoices" backLabel="Back to Invoices + Payments">
      <p>There is no such invoice in your account, or it is no longer available.</p>
    </StatusCard>
  );
}
