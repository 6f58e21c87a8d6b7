"use client";

import { HiddenGeneration3 } from "@/components/payments/hidden-generation3";
import { InvoiceNumberLink } from "./invoice-number-link";

// The "Applied to" cell of a payment (list-cells.tsx): each visible invoice it settled with the
// amount, then what went to hidden Generation 3 invoices. A client component only so the page's
// RSC payload holds [id, number, amount] per invoice rather than the list's markup, once per row.
export function AppliedToCell({ invoices, hidden }: { invoices: [id: string, number: string, amount: string][]; hidden?: string }) {
  if (invoices.length === 0 && !hidden) return <span className="text-slate-500">Not applied</span>;
  return (
    <ul>
      {invoices.map(([id, number, amount]) => (
        <li key={id}>
          <InvoiceNumberLink id={id} number={number} />
          <span className="lv-amt">{amount}</span>
        </li>
      ))}
      {hidden ? (
        <li className="text-slate-600">
          <HiddenGeneration3 />
          <span className="ml-1.5 text-xs whitespace-nowrap text-slate-500">{hidden}</span>
        </li>
      ) : null}
    </ul>
  );
}
