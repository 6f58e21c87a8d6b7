import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AppliedPayments } from "@/components/invoices/applied-payments";
import { InvoiceFacts } from "@/components/invoices/invoice-facts";
import { InvoiceLinesTable } from "@/components/invoices/invoice-lines-table";
import { PrintButton } from "@/components/invoices/print-button";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/access/page-guards";
import { formatInstant } from "@/lib/dates";
import { providerName } from "@/lib/env";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { StatusBadge } from "@/components/ui/status-badge";
import { orNotFound } from "@/lib/or-not-found";

// One load per request, shared by the title and the page; not_found becomes the 404 page.
const loadInvoice = cache(async (id: string) => {
  const viewer = await requirePagePermission("invoices.view");
  return { viewer, invoice: await orNotFound(getInvoice(viewer, id, new Date()), { viewer, id, route: `/account/invoices/${id}` }) };
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { invoice } = await loadInvoice((await params).id);
  return { title: `Invoice ${invoice.number}` };
}

// GET /account/invoices/<id> — invoice details (R-I3), printable.
export default async function InvoicePage({ params }: Props) {
  const { viewer, invoice } = await loadInvoice((await params).id);
  const { locale, timeZone } = viewer.account;
  const base = `/account/invoices/${invoice.id}`;

  return (
    <article className="max-w-5xl">
      <Link href="/account/invoices" className="no-print text-sm text-brand-700 underline-offset-2 hover:underline">
        ← Invoices + Payments
      </Link>
      <p className="hidden text-sm text-slate-600 print:block">{providerName()}</p>
      <header className="mt-3 mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">Invoice · Generation {invoice.generation}</p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            {invoice.number}
            <StatusBadge kind="invoice" status={invoice.displayStatus} />
          </h1>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <a href={`${base}/csv`} download className={buttonClasses("secondary", "sm")}>
            Download CSV
          </a>
          <a href={`${base}/pdf`} download className={buttonClasses("secondary", "sm")}>
            Download PDF
          </a>
          <PrintButton />
        </div>
      </header>

      {invoice.generation3?.kind === "restored" ? (
        <Notice className="mb-4">Restored until {formatInstant(invoice.generation3.until, locale, timeZone)}: support retrieved this Generation 3 invoice for you.</Notice>
      ) : invoice.generation3?.kind === "grace" ? (
        <Notice className="mb-4">Generation 3 invoices remain available until {formatInstant(invoice.generation3.until, locale, timeZone)}.</Notice>
      ) : null}
      {invoice.status === "void" ? (
        <Notice tone="warning" className="mb-4">
          This invoice was voided{invoice.voidedAt ? ` on ${formatInstant(invoice.voidedAt, locale, timeZone)}` : ""}
          {invoice.voidReason ? `: ${invoice.voidReason}` : ""}. Nothing is owed on it.
        </Notice>
      ) : null}

      <InvoiceFacts invoice={invoice} locale={locale} />

      <Card className="mt-4 print:border-slate-300 print:shadow-none">
        <h2 className="px-4 pt-3 pb-2 text-sm font-semibold text-slate-900">Line items</h2>
        <InvoiceLinesTable invoice={invoice} locale={locale} />
      </Card>

      {invoice.payments ? (
        <Card className="mt-4 print:border-slate-300 print:shadow-none">
          <h2 className="px-4 pt-3 pb-2 text-sm font-semibold text-slate-900">Payments applied</h2>
          <AppliedPayments payments={invoice.payments} currency={invoice.currency} locale={locale} />
        </Card>
      ) : null}
    </article>
  );
}
