import type { Metadata } from "next";
import { VoidInvoiceForm } from "@/components/operator/void-invoice-form";
import { Card } from "@/components/ui/card";
import { DetailHeader } from "@/components/ui/detail-header";
import { Notice } from "@/components/ui/notice";
import { requirePageOperator } from "@/lib/access/page-guards";
import { formatDay } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { getInvoiceForOperator } from "@/lib/operator/void-invoice-as-operator";
import { orNotFound } from "@/lib/or-not-found";
import { voidInvoiceAction } from "../../../actions";

export const metadata: Metadata = { title: "Void an invoice" };

// GET /operator/accounts/[id]/invoices/[invoiceId]/void — confirm voiding, with a reason.
export default async function VoidInvoicePage({ params }: { params: Promise<{ id: string; invoiceId: string }> }) {
  const operator = await requirePageOperator();
  const { id, invoiceId } = await params;
  const invoice = await orNotFound(getInvoiceForOperator(operator, id, invoiceId));
  const back = `/operator/accounts/${id}`;
  return (
    <>
      <DetailHeader back={{ href: back, label: "Back to the account" }} title={`Void invoice ${invoice.number}`} />
      <Card className="mb-4 max-w-xl p-4 text-sm">
        Issued {formatDay(invoice.issueDate, "en-US")}, due {formatDay(invoice.dueDate, "en-US")}, total {formatMoney(invoice.totalMinor, invoice.currency, "en-US")}.
      </Card>
      {invoice.status !== "open" || invoice.paidMinor > 0 ? (
        <Notice tone="warning" className="max-w-xl">
          Only an open invoice with nothing paid on it can be voided. This one is {invoice.paidMinor > 0 && invoice.status === "open" ? "partly paid" : invoice.status}.
        </Notice>
      ) : (
        <VoidInvoiceForm action={voidInvoiceAction.bind(null, id, invoice.id)} number={invoice.number} cancelHref={back} />
      )}
    </>
  );
}
