// The default allocation of a payment (R-O1): settle open invoices oldest first until the money
// runs out. Pure, so the operator form can preview exactly what the server will do.

export type OpenBalance = { invoiceId: string; dueDate: string; issueDate: string; number: string; balanceMinor: number };
export type Allocation = { invoiceId: string; amountMinor: number };

// Oldest = earliest due date, then earliest issue date, then invoice number.
export function compareOldestFirst(a: OpenBalance, b: OpenBalance): number {
  return a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number);
}

export function allocateOldestFirst(open: readonly OpenBalance[], amountMinor: number): Allocation[] {
  let remaining = Math.max(0, Math.trunc(amountMinor));
  const allocations: Allocation[] = [];
  for (const invoice of [...open].sort(compareOldestFirst)) {
    if (remaining <= 0) break;
    const amount = Math.min(remaining, invoice.balanceMinor);
    if (amount <= 0) continue;
    allocations.push({ invoiceId: invoice.invoiceId, amountMinor: amount });
    remaining -= amount;
  }
  return allocations;
}
