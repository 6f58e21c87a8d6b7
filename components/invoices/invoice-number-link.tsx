import Link from "next/link";

export function invoiceHref(id: string): string {
  return `/account/invoices/${id}`;
}

// The invoice number, linking to its details: the row's main action. After an upgrade,
// Generation 3 invoices carry a small "Gen 3" tag, since they will leave the lists.
export function InvoiceNumberLink({ id, number, generation3 = false }: { id: string; number: string; generation3?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <Link href={invoiceHref(id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {number}
      </Link>
      {generation3 ? <span className="rounded bg-slate-100 px-1 text-[11px] font-medium text-slate-600">Gen 3</span> : null}
    </span>
  );
}
