import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceForm } from "@/components/operator/invoice-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageOperator } from "@/lib/access/page-guards";
import { addDays, addMonths, isoDateInZone } from "@/lib/dates";
import { getAccountSummary } from "@/lib/operator/get-account-overview";
import { suggestInvoiceNumber } from "@/lib/operator/suggest-invoice-number";
import { orNotFound } from "@/lib/or-not-found";
import { postInvoiceAction } from "../../actions";

export const metadata: Metadata = { title: "Post an invoice" };

// GET /operator/accounts/[id]/invoices/new — the operator posts an invoice into the account.
export default async function PostInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePageOperator();
  const { id } = await params;
  const account = await orNotFound(getAccountSummary(operator, id));
  const today = isoDateInZone(new Date(), account.timeZone);
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1);
  const defaults = {
    number: await suggestInvoiceNumber(operator, account.id),
    generation: String(account.invoiceGeneration),
    issueDate: today,
    dueDate: addDays(today, 30),
    periodStart: lastMonth,
    periodEnd: addDays(`${today.slice(0, 7)}-01`, -1),
    taxRate: "0",
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/operator/accounts/${account.id}`} className="text-brand-700 underline">
          {account.name}
        </Link>
      </p>
      <PageHeader title="Post an invoice" description={`Into ${account.name}, billed in ${account.currency}. Totals are computed from the lines when it is posted.`} />
      <InvoiceForm action={postInvoiceAction.bind(null, account.id)} defaults={defaults} currency={account.currency} cancelHref={`/operator/accounts/${account.id}`} />
    </>
  );
}
