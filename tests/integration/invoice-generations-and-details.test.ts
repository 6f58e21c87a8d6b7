import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { parseInvoiceFilters } from "@/lib/invoices/filters";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { listRecentPayments } from "@/lib/payments/list-recent-payments";
import type { Viewer } from "@/lib/access/load-viewer";
import { createTestAccount, createTestCard, createTestGrant, createTestInvoice, createTestPayment, createTestUser } from "../support/factories";

const DAY = 86_400_000;
const now = new Date("2026-11-25T15:00:00Z");
const everything = (viewer: Viewer, tab: "open" | "recent" | "payments", at = now) => parseInvoiceFilters({ tab, from: "" }, viewer.account, at);

// An account upgraded `daysAgo` before `now` with one open Generation 3 and one open Generation 4 invoice.
async function upgradedAccount(daysAgo: number) {
  const account = await createTestAccount({ invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - daysAgo * DAY) });
  const { viewer } = await createTestUser(account, ["billing_manager"]);
  const gen3 = await createTestInvoice(account, { generation: 3, number: "G3-1", issueDate: "2026-08-01", dueDate: "2026-08-31" });
  const gen4 = await createTestInvoice(account, { generation: 4, number: "G4-1", issueDate: "2026-11-01", dueDate: "2026-12-01" });
  const payment = await createTestPayment(account, {
    amountMinor: 3_000,
    allocations: [
      { invoiceId: gen3.id, amountMinor: 1_000 },
      { invoiceId: gen4.id, amountMinor: 2_000 },
    ],
  });
  return { account, viewer, gen3, gen4, payment };
}

async function visibleNumbers(viewer: Viewer, at = now) {
  const open = await listOpenInvoices(viewer, everything(viewer, "open", at), at);
  const recent = await listRecentInvoices(viewer, everything(viewer, "recent", at), at);
  return {
    open: open.rows.map((r) => r.number),
    openCount: open.count,
    openTotal: open.totalMinor,
    recent: recent.rows.map((r) => r.number),
    recentCount: recent.count,
    recentTotal: recent.totalMinor,
  };
}

describe("Generation 3 invoices (R-G2)", () => {
  it("are listed with a grace notice while the upgrade is less than 30 days old", async () => {
    const { viewer, gen3 } = await upgradedAccount(29);
    expect(await visibleNumbers(viewer)).toMatchObject({ open: ["G3-1", "G4-1"], openCount: 2, recentCount: 2, recentTotal: 20_000n });
    const payments = await listRecentPayments(viewer, everything(viewer, "payments"), now);
    expect(payments.rows[0]).toMatchObject({ appliedTo: [{ number: "G3-1" }, { number: "G4-1" }], hiddenAppliedMinor: 0 });
    const details = await getInvoice(viewer, gen3.id, now);
    expect(details.generation3).toEqual({ kind: "grace", until: new Date(now.getTime() + DAY) });
  });

  it("are absent from every list, count, total, detail and payment once the upgrade is 30 days old", async () => {
    const { viewer, gen3, gen4 } = await upgradedAccount(30);
    expect(await visibleNumbers(viewer)).toEqual({ open: ["G4-1"], openCount: 1, openTotal: 8_000n, recent: ["G4-1"], recentCount: 1, recentTotal: 10_000n });
    await expect(getInvoice(viewer, gen3.id, now)).rejects.toMatchObject({ code: "not_found" });
    expect((await getInvoice(viewer, gen4.id, now)).generation3).toBeNull();
    const payments = await listRecentPayments(viewer, everything(viewer, "payments"), now);
    expect(payments.rows[0].appliedTo.map((a) => a.number)).toEqual(["G4-1"]);
    // The part that went to the hidden invoice is a sum without its number, not a blank (issue 13 item 12).
    expect(payments.rows[0].hiddenAppliedMinor).toBe(1_000);
    const tabs = await getTabSummaries(viewer, now);
    expect(tabs.summaries.open).toEqual({ count: 1, totalMinor: 8_000n });
  });

  it("come back while a support grant is active, and go again when it expires", async () => {
    const { account, viewer, gen3 } = await upgradedAccount(120);
    const expiresAt = new Date(now.getTime() + 5 * DAY);
    await createTestGrant(account, gen3.id, expiresAt);
    expect((await visibleNumbers(viewer)).recent).toEqual(["G4-1", "G3-1"]);
    expect((await getInvoice(viewer, gen3.id, now)).generation3).toEqual({ kind: "restored", until: expiresAt });

    const later = new Date(expiresAt.getTime() + 1);
    expect((await visibleNumbers(viewer, later)).recent).toEqual(["G4-1"]);
    await expect(getInvoice(viewer, gen3.id, later)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a grant in another account restores nothing here", async () => {
    const { viewer, gen3 } = await upgradedAccount(120);
    const elsewhere = await upgradedAccount(120);
    await createTestGrant(elsewhere.account, elsewhere.gen3.id, new Date(now.getTime() + 5 * DAY));
    await expect(getInvoice(viewer, gen3.id, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getInvoice(viewer, elsewhere.gen3.id, now)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("getInvoice", () => {
  it("returns lines, totals, payments applied, balance and days past due in the account's zone", async () => {
    // 15:00 UTC on Nov 25 is 01:00 on Nov 26 in Sydney: one more day past due there.
    const account = await createTestAccount({ timeZone: "Australia/Sydney", billTo: "Wayne Enterprises\n1007 Mountain Drive" });
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const card = await createTestCard(account, { brand: "Visa", last4: "1881" });
    const invoice = await createTestInvoice(account, {
      dueDate: "2026-11-20",
      lines: [
        { description: "Server", quantity: "2", unitPriceMinor: 1_050, taxRateBp: 1_000 },
        { description: "Backup", quantity: "3.5", unitPriceMinor: 200, taxRateBp: 0 },
      ],
    });
    await createTestPayment(account, {
      amountMinor: 1_000,
      method: "card",
      paymentMethodId: card.id,
      reference: "PAY-1",
      receivedOn: "2026-11-02",
      allocations: [{ invoiceId: invoice.id, amountMinor: 1_000 }],
    });

    const details = await getInvoice(viewer, invoice.id, now);
    expect(details).toMatchObject({
      number: invoice.number,
      billTo: "Wayne Enterprises\n1007 Mountain Drive",
      subtotalMinor: 2_800,
      taxMinor: 210,
      totalMinor: 3_010,
      paidMinor: 1_000,
      balanceMinor: 2_010,
      displayStatus: "past_due",
      daysPastDue: 6,
    });
    expect(details.lines).toEqual([
      { position: 1, description: "Server", quantity: "2", unitPriceMinor: 1_050, taxRateBp: 1_000, amountMinor: 2_100, taxMinor: 210 },
      { position: 2, description: "Backup", quantity: "3.5", unitPriceMinor: 200, taxRateBp: 0, amountMinor: 700, taxMinor: 0 },
    ]);
    expect(details.payments).toEqual([
      expect.objectContaining({ reference: "PAY-1", receivedOn: "2026-11-02", method: "card", cardBrand: "Visa", cardLast4: "1881", appliedMinor: 1_000 }),
    ]);
  });

  it("shows a void invoice as owing nothing, as the lists do", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const invoice = await createTestInvoice(account, { number: "V-1" });
    await voidInvoice(await getDb(), invoice.id, "Posted twice", { kind: "system", label: "test" });
    const details = await getInvoice(viewer, invoice.id, now);
    expect(details).toMatchObject({ status: "void", paidMinor: 0, balanceMinor: 0 });
    expect(details.totalMinor).toBeGreaterThan(0);
    const listed = await listRecentInvoices(viewer, parseInvoiceFilters({ tab: "recent", q: "V-1" }, viewer.account, now), now);
    expect(listed.rows.map((r) => r.balanceMinor)).toEqual([details.balanceMinor]);
  });

  it("leaves payments out without payments.read", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    const invoice = await createTestInvoice(account);
    await createTestPayment(account, { amountMinor: 500, allocations: [{ invoiceId: invoice.id, amountMinor: 500 }] });
    const details = await getInvoice(viewer, invoice.id, now);
    expect(details.payments).toBeNull();
    expect(details.paidMinor).toBe(500);
  });

  it("is not_found for another account's invoice and for a malformed id, forbidden without invoices.view", async () => {
    const mine = await createTestAccount();
    const { viewer } = await createTestUser(mine);
    const theirs = await createTestInvoice(await createTestAccount());
    await expect(getInvoice(viewer, theirs.id, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getInvoice(viewer, "not-a-uuid'; select 1", now)).rejects.toMatchObject({ code: "not_found" });
    const { viewer: member } = await createTestUser(mine, ["member"]);
    await expect(getInvoice(member, theirs.id, now)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("Recent Payments", () => {
  it("needs payments.read", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    await expect(listRecentPayments(viewer, everything(viewer, "payments"), now)).rejects.toMatchObject({ code: "forbidden" });
    const tabs = await getTabSummaries(viewer, now);
    expect(tabs.summaries.payments).toBeUndefined();
  });

  it("lists payments with method, status and the invoices they settled, filtered and totalled", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const card = await createTestCard(account, { brand: "Mastercard", last4: "5454" });
    const invoice = await createTestInvoice(account, { number: "INV-77" });
    await createTestPayment(account, {
      amountMinor: 2_500,
      reference: "WIRE-1",
      receivedOn: "2026-11-01",
      allocations: [{ invoiceId: invoice.id, amountMinor: 2_500 }],
    });
    await createTestPayment(account, { amountMinor: 1_000, reference: "CARD-2", receivedOn: "2026-11-10", method: "card", paymentMethodId: card.id });
    await createTestPayment(account, { amountMinor: 9_000, reference: "OLD-3", receivedOn: "2025-01-10" });

    const list = await listRecentPayments(viewer, parseInvoiceFilters({ tab: "payments" }, viewer.account, now), now);
    expect(list.rows.map((p) => p.reference)).toEqual(["CARD-2", "WIRE-1"]);
    expect(list).toMatchObject({ count: 2, totalMinor: 3_500n });
    expect(list.rows[0]).toMatchObject({ method: "card", cardBrand: "Mastercard", cardLast4: "5454", appliedTo: [] });
    expect(list.rows[1].appliedTo).toEqual([{ invoiceId: invoice.id, number: "INV-77", amountMinor: 2_500 }]);

    const filtered = await listRecentPayments(viewer, parseInvoiceFilters({ tab: "payments", from: "", q: "old", min: "50" }, viewer.account, now), now);
    expect(filtered.rows.map((p) => p.reference)).toEqual(["OLD-3"]);
    const byAmount = await listRecentPayments(viewer, parseInvoiceFilters({ tab: "payments", from: "", sort: "amount", dir: "asc" }, viewer.account, now), now);
    expect(byAmount.rows.map((p) => p.amountMinor)).toEqual([1_000, 2_500, 9_000]);
  });

  it("gives another account's viewer nothing", async () => {
    const account = await createTestAccount();
    await createTestPayment(account, { amountMinor: 100, receivedOn: "2026-11-01" });
    const { viewer: other } = await createTestUser(await createTestAccount(), ["billing_manager"]);
    expect(await listRecentPayments(other, everything(other, "payments"), now)).toMatchObject({ rows: [], count: 0, totalMinor: 0n });
  });
});

describe("tab summaries", () => {
  it("say whether the account has any invoice, and count each tab's default view", async () => {
    const empty = await createTestUser(await createTestAccount(), ["account_admin"]);
    expect(await getTabSummaries(empty.viewer, now)).toEqual({
      hasInvoices: false,
      summaries: { open: { count: 0, totalMinor: 0n }, recent: { count: 0, totalMinor: 0n }, payments: { count: 0, totalMinor: 0n } },
    });
    const { viewer } = await upgradedAccount(0);
    expect((await getTabSummaries(viewer, now)).summaries.payments).toEqual({ count: 1, totalMinor: 3_000n });
  });
});
