import Link from "next/link";
import { Card } from "@/components/ui/card";

// Shown for an invoice that does not exist for this account (including another account's).
export default function InvoiceNotFound() {
  return (
    <Card className="max-w-xl p-6">
      <h1 className="text-xl font-semibold">Invoice not found</h1>
      <p className="mt-2 text-sm text-slate-700">There is no such invoice in your account, or it is no longer available.</p>
      <Link href="/account/invoices" className="mt-4 inline-block text-sm font-medium text-brand-700 underline underline-offset-2">
        Back to Invoices + Payments
      </Link>
    </Card>
  );
}
