import Link from "next/link";
import type { TicketThread } from "@/lib/support/ticket-thread";

// The invoices a Generation 3 request restored, with until when (R-G3).
export function RestoredInvoices({
  grants,
  now,
  formatUntil,
  linkToInvoices,
}: {
  grants: TicketThread["grants"];
  now: Date;
  formatUntil: (instant: Date) => string;
  linkToInvoices: boolean;
}) {
  if (grants.length === 0) return null;
  return (
    <section aria-labelledby="restored-heading" className="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <h2 id="restored-heading" className="font-semibold">
        Restored invoices
      </h2>
      <ul className="mt-2 space-y-1">
        {grants.map((grant) => {
          const active = grant.expiresAt.getTime() > now.getTime();
          return (
            <li key={`${grant.invoiceId}-${grant.grantedAt.toISOString()}`}>
              {linkToInvoices && active ? (
                <Link href={`/account/invoices/${grant.invoiceId}`} className="font-medium underline">
                  Invoice {grant.number}
                </Link>
              ) : (
                <span className="font-medium">Invoice {grant.number}</span>
              )}{" "}
              — {active ? `restored until ${formatUntil(grant.expiresAt)}` : `access ended ${formatUntil(grant.expiresAt)}`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
