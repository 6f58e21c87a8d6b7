// How a payment's method reads in lists and on invoices: "Visa •••• 4242", "Bank transfer".
const METHOD_LABELS = { card: "Card", bank_transfer: "Bank transfer", check: "Check", other: "Other" } as const;

export function paymentMethodLabel(payment: { method: keyof typeof METHOD_LABELS; cardBrand: string | null; cardLast4: string | null }): string {
  if (payment.method === "card" && payment.cardBrand && payment.cardLast4) return `${payment.cardBrand} •••• ${payment.cardLast4}`;
  return METHOD_LABELS[payment.method];
}
