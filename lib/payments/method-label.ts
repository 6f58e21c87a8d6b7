import { sql, type SQL } from "drizzle-orm";
import { paymentMethods, payments } from "@/db/schema";

// How a payment's method reads in lists and on invoices: "Visa •••• 4242", "Bank transfer".
const METHOD_LABELS = { card: "Card", bank_transfer: "Bank transfer", check: "Check", other: "Other" } as const;

export function paymentMethodLabel(payment: { method: keyof typeof METHOD_LABELS; cardBrand: string | null; cardLast4: string | null }): string {
  if (payment.method === "card" && payment.cardBrand && payment.cardLast4) return `${payment.cardBrand} •••• ${payment.cardLast4}`;
  return METHOD_LABELS[payment.method];
}

// The same in SQL, over payments left-joined to their payment method (the CSV export's COPY).
// An empty brand or last4 counts as missing, as it does above.
export function paymentMethodLabelSql(): SQL {
  const labels = Object.entries(METHOD_LABELS).map(([method, label]) => sql`when ${method} then ${label}::text`);
  return sql`(case when ${payments.method} = 'card' and ${paymentMethods.brand} <> '' and ${paymentMethods.last4} <> '' then ${paymentMethods.brand} || ${" •••• "} || ${paymentMethods.last4} else (case ${payments.method}::text ${sql.join(labels, sql` `)} end) end)`;
}
