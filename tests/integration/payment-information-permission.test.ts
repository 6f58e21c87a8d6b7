import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/load-viewer";
import { exportInvoiceListCsv, exportScopeCounts } from "@/lib/invoices/export-lists";
import { pageRequestOf, parseInvoiceFilters } from "@/lib/invoices/filters";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { fetchRecentPaymentRows, listRecentPayments, summarizeRecentPayments } from "@/lib/payments/list-recent-payments";
import { createTestAccount, createTestCard, createTestInvoice, createTestPayment, createTestUser } from "../support/factories";

// Read Payment Information (R-I5, R-M1) is checked by every function that returns payment data,
// each on its own: a page or export that reaches one directly must not depend on a caller's check.

const now = new Date("2026-11-25T15:00:00Z");
let billingViewer: Viewer;
let billingManager: Viewer;
let invoiceId: string;

beforeAll(async () => {
  const account = await createTestAccount();
  billingViewer = (await createTestUser(account, ["billing_viewer"])).viewer;
  billingManager = (await createTestUser(account, ["billing_manager"])).viewer;
  const invoice = await createTestInvoice(account, { issueDate: "2026-11-01", dueDate: "2026-11-30" });
  invoiceId = invoice.id;
  await createTestPayment(account, { amountMinor: 4_000, receivedOn: "2026-11-10", allocations: [{ invoiceId, amountMinor: 4_000 }] });
  await createTestCard(account);
});

const paymentFilters = (viewer: Viewer) => parseInvoiceFilters({ tab: "payments" }, viewer.account, now);

// Each function that returns payment data, called the way its callers do.
const readers: Record<string, (viewer: Viewer) => Promise<unknown>> = {
  fetchRecentPaymentRows: (v) => fetchRecentPaymentRows(v, paymentFilters(v), now, pageRequestOf(paymentFilters(v))),
  summarizeRecentPayments: (v) => summarizeRecentPayments(v, paymentFilters(v)),
  listRecentPayments: (v) => listRecentPayments(v, paymentFilters(v), now),
  exportScopeCounts: (v) => exportScopeCounts(v, paymentFilters(v), { rows: 1, matching: 1 }, now),
  exportInvoiceListCsv: (v) => exportInvoiceListCsv(v, new URLSearchParams({ tab: "payments", scope: "all" }), {}, now),
  listPaymentMethods: (v) => listPaymentMethods(v, now),
};

describe("Read Payment Information is required by each function that returns payment data", () => {
  for (const [name, read] of Object.entries(readers)) {
    it(`${name} refuses a Billing Viewer and serves a Billing Manager`, async () => {
      await expect(read(billingViewer)).rejects.toMatchObject({ code: "forbidden", details: { permission: "payments.read" } });
      await expect(read(billingManager)).resolves.toBeDefined();
    });
  }

  it("getInvoice shows a Billing Viewer the invoice without the payments applied to it", async () => {
    expect((await getInvoice(billingViewer, invoiceId, now)).payments).toBeNull();
    expect((await getInvoice(billingManager, invoiceId, now)).payments).toEqual([expect.objectContaining({ appliedMinor: 4_000 })]);
  });

  it("getTabSummaries gives a Billing Viewer no Payments summary", async () => {
    expect((await getTabSummaries(billingViewer, now)).summaries.payments).toBeUndefined();
    expect((await getTabSummaries(billingManager, now)).summaries.payments).toMatchObject({ count: 1, totalMinor: 4_000n });
  });
});
