import type { Metadata } from "next";
import Link from "next/link";
import { PaymentForm } from "@/components/operator/payment-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageOperator } from "@/lib/access/page-guards";
import { isoDateInZone } from "@/lib/dates";
import { getAccountSummary } from "@/lib/operator/get-account-overview";
import { listOpenInvoicesForOperator } from "@/lib/operator/list-open-invoices";
import { orNotFound } from "@/lib/or-not-found";
import { recordPaymentAction } from "../../actions";

export const metadata: Metadata = { title: "Record a payment" };

// GET /operator/accounts/[id]/payments/new — the operator records a payment and allocates it.
export default async function RecordPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePageOperator();
  const { id } = await params;
  const account = await orNotFound(getAccountSummary(operator, id));
  const openInvoices = await listOpenInvoicesForOperator(operator, account.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/operator/accounts/${account.id}`} className="text-brand-700 underline">
          {account.name}
        </Link>
      </p>
      <PageHeader title="Record a payment" description={`Received from ${account.name}, in ${account.currency}. An invoice is marked paid when its balance reaches zero.`} />
      <PaymentForm
        action={recordPaymentAction.bind(null, account.id)}
        currency={account.currency}
        openInvoices={openInvoices}
        today={isoDateInZone(new Date(), account.timeZone)}
        cancelHref={`/operator/accounts/${account.id}`}
      />
    </>
  );
}
