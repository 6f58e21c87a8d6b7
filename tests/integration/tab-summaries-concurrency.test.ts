import { describe, expect } from "vitest";
import { getDb } from "@/db/client";
import { addDays } from "@/lib/dates";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { recordPaymentToAccount } from "@/lib/payments/record-payment-to-account";
import { runThroughBarrier } from "../support/lock-barrier";
import { itOnPostgres } from "../support/postgres-only";
import { createTestAccount, createTestInvoice, createTestUser, TEST_ACTOR, type TestAccount } from "../support/factories";
import { expectReadsMatchScans, expectSummariesExact } from "../support/tab-summary-checks";

// Two payments at once touch the same summary rows (the invoices' issue days, the payment's day):
// the triggers must neither deadlock nor lose an update. Only PostgreSQL runs them side by side.

const NOW = new Date("2026-11-25T15:00:00Z");

const postOn = (account: TestAccount, issueDate: string) =>
  createTestInvoice(
    account,
    { issueDate, dueDate: addDays(issueDate, 30), lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 10_000, taxRateBp: 0 }] },
    { notify: false },
  );

// A check received on `receivedOn` for `amountMinor`, applied as `allocations` say ([invoice id, amount]).
function pay(account: TestAccount, receivedOn: string, reference: string, amountMinor: number, allocations: [string, number][]) {
  return async () =>
    recordPaymentToAccount(
      await getDb(),
      {
        accountId: account.account.id,
        receivedOn,
        amountMinor,
        reference,
        method: "check",
        allocations: allocations.map(([invoiceId, amount]) => ({ invoiceId, amountMinor: amount })),
      },
      TEST_ACTOR,
    );
}

describe("per-day tab summaries under concurrent payments", () => {
  itOnPostgres("stay exact when two payments apply to invoices of the same days at once, in opposite orders, without a deadlock", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const [a1, a2, b1, b2] = [await postOn(account, "2026-09-01"), await postOn(account, "2026-10-01"), await postOn(account, "2026-09-01"), await postOn(account, "2026-10-01")];
    // Both wait at the barrier on payment_allocations, after inserting their payments (different
    // days, so neither waits on the other's payment summary row), then update their invoices:
    // one the September invoice first, the other the October one first.
    const results = await runThroughBarrier("payment_allocations", [
      pay(account, "2026-11-01", "A", 20_000, [
        [a1.id, 10_000],
        [a2.id, 6_000],
      ]),
      pay(account, "2026-11-02", "B", 20_000, [
        [b2.id, 10_000],
        [b1.id, 4_000],
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);

    // Two more at once on the same day's payment summary row and the same invoice days.
    const [c1, c2] = [await postOn(account, "2026-09-01"), await postOn(account, "2026-10-01")];
    const again = await runThroughBarrier("payment_allocations", [
      pay(account, "2026-11-03", "C", 10_000, [[c1.id, 10_000]]),
      pay(account, "2026-11-03", "D", 10_000, [[c2.id, 7_000]]),
    ]);
    expect(again.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);

    await expectSummariesExact();
    await expectReadsMatchScans(viewer, NOW);
    const tabs = await getTabSummaries(viewer, NOW);
    // Open: a2 (4 000 due), b1 (6 000), c2 (3 000); payments: four, 60 000 received.
    expect(tabs.summaries.open).toEqual({ count: 3, totalMinor: 13_000n });
    expect(tabs.summaries.payments).toEqual({ count: 4, totalMinor: 60_000n });
  });
});
