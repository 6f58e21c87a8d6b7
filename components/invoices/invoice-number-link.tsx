"use client";

import Link from "next/link";
import "./list-view.css";

export function invoiceHref(id: string): string {
  return `/account/invoices/${id}`;
}

// The invoice number, linking to its details: the row's main action. After an upgrade,
// Generation 3 invoices carry a small "Gen 3" tag, since they will leave the lists. A client
// component so a list's RSC payload holds only its id and number, not the markup, once per row.
export function InvoiceNumberLink({ id, number, generation3 = false }: { id: string; number: string; generation3?: boolean }) {
  return (
    <span className="inv">
      <Link href={invoiceHref(id)}>{number}</Link>
      {generation3 ? <span>Gen 3</span> : null}
    </span>
  );
}
