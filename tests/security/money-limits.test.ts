import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { parseInvoiceFilters } from "@/lib/invoices/filters";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { getTabSummaries } from "@/lib/invoices/tab-summaries";
import { formatMoney, MAX_AMOUNT_MINOR } from "@/lib/money";
import { getAccountOverview } from "@/lib/operator/get-account-overview";
import { listOpenInvoicesForOperator } from "@/lib/operator/list-open-invoices";
import { postInvoiceAsOperator } from "@/lib/operator/post-invoice-as-operator";
import { recordPaymentAsOperator } from "@/lib/operator/record-payment-as-operator";
import { listRecentPayments } from "@/lib/payments/list-recent-payments";
import { createTestAccount, createTestApiKey, createTestOperator, createTestUser, type TestAccount } from "../support/factories";
import { parseCsv } from "../support/parse-csv";

// Item 7 of issue 12: every amount is capped at MAX_AMOUNT_MINOR (a 422 naming the field), and
// an account holding that maximum a thousand times (sums past 2^53) still renders exactly.

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/access/viewer", () => ({ getViewer: async () => session.viewer }));

const { POST: postInvoiceRoute } = await import("@/app/api/v1/invoices/route");
const { POST: postPaymentRoute } = await import("@/app/api/v1/payments/route");
const { GET: listExport } = await import("@/app/(portal)/account/invoices/export/route");
const { GET: invoicePdf } = await import("@/app/(portal)/account/invoices/[id]/pdf/route");
const { GET: invoiceCsv } = await import("@/app/(portal)/account/invoices/[id]/csv/route");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COPIES = 1_000; // 1000 × MAX_AMOUNT_MINOR ≈ 10^16 > 2^53 ≈ 9.007 × 10^15
const MAX = BigInt(MAX_AMOUNT_MINOR);
const NOW = new Date("2026-11-20T12:00:00Z");

let account: TestAccount;
let viewer: Viewer;
let auth: () => Record<string, string>;

const post = (route: (r: Request) => Promise<Response>, body: unknown) =>
  route(new Request("http://localhost/api/v1/x", { method: "POST", headers: { "content-type": "application/json", ...auth() }, body: JSON.stringify(body) }));

const invoiceBody = (lines: Json[]) => ({
  account: account.account.slug,
  number: `MAX-${randomUUID().slice(0, 8)}`,
  currency: "USD",
  issueDate: "2026-11-01",
  dueDate: "2026-12-01",
  servicePeriod: { start: "2026-10-01", end: "2026-10-31" },
  lines,
});

const paymentBody = (amountMinor: number) => ({
  account: account.account.slug,
  receivedOn: "2026-11-10",
  amountMinor,
  currency: "USD",
  method: "bank_transfer",
  reference: `R-${randomUUID().slice(0, 6)}`,
});

async function issuesOf(response: Response): Promise<string[]> {
  expect(response.status).toBe(422);
  const body: Json = await response.json();
  return body.issues.map((i: Json) => i.path);
}

async function countRows() {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(invoices)
    .where(eq(invoices.accountId, account.account.id));
  const [paid] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(payments)
    .where(eq(payments.accountId, account.account.id));
  return { invoices: row.n, payments: paid.n };
}

beforeAll(async () => {
  account = await createTestAccount({ slug: "max-money" });
  viewer = (await createTestUser(account, ["account_admin"])).viewer;
  const key = await createTestApiKey(await createTestOperator());
  auth = () => ({ authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() });
});

afterEach(() => {
  session.viewer = null;
});

describe("the maximum amount", () => {
  it("is refused one minor unit above it with a 422 naming the field, by the ingest API, and nothing is written", async () => {
    const before = await countRows();
    expect(await issuesOf(await post(postInvoiceRoute, invoiceBody([{ description: "Too much", quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR + 1 }])))).toEqual([
      "lines.0.unitPriceMinor",
    ]);
    // The issue's reproduction: quantity × unit price far above 2^53.
    expect(await issuesOf(await post(postInvoiceRoute, invoiceBody([{ description: "Many", quantity: "9999999999", unitPriceMinor: MAX_AMOUNT_MINOR }])))).toEqual([
      "lines.0.quantity",
    ]);
    expect(
      await issuesOf(
        await post(
          postInvoiceRoute,
          invoiceBody([
            { description: "One", quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR },
            { description: "Two", quantity: 1, unitPriceMinor: 1 },
          ]),
        ),
      ),
    ).toEqual(["lines"]);
    expect(await issuesOf(await post(postInvoiceRoute, { ...invoiceBody([{ description: "Taxed", quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR }]), taxRateBp: 100 }))).toEqual([
      "lines",
    ]);
    expect(await issuesOf(await post(postPaymentRoute, paymentBody(MAX_AMOUNT_MINOR + 1)))).toEqual(["amountMinor"]);
    expect(await countRows()).toEqual(before);
  });

  it("is refused by the operator's invoice and payment forms next to the field", async () => {
    const operator = await createTestOperator();
    const before = await countRows();
    const invoiceForm = (unitPrice: string, quantity = "1") => ({
      number: `OP-${randomUUID().slice(0, 6)}`,
      generation: "4",
      issueDate: "2026-11-01",
      dueDate: "2026-12-01",
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      taxRate: "0",
      lines: [{ description: "Big", quantity, unitPrice }],
    });
    await expect(postInvoiceAsOperator(operator, account.account.id, invoiceForm("100000000000.00"))).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { "lines.0.unitPrice": ["At most 99999999999.99"] } },
    });
    await expect(postInvoiceAsOperator(operator, account.account.id, invoiceForm("99999999999.99", "2"))).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { "lines.0.quantity": [expect.stringContaining("maximum amount")] } },
    });
    const paymentForm = { receivedOn: "2026-11-10", amount: "100000000000", method: "check", reference: "Too big", allocationMode: "oldest_first", allocations: [] };
    await expect(recordPaymentAsOperator(operator, account.account.id, paymentForm)).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { amount: ["At most 99999999999.99"] } },
    });
    expect(await countRows()).toEqual(before);
  });

  it("posted a thousand times into one account, renders every list, summary, CSV and PDF with exact figures", async () => {
    // Three invoices and two payments of the maximum through the API, then copies made set-based
    // (posting 1000 through HTTP is slow and adds nothing the first ones don't show).
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post(postInvoiceRoute, invoiceBody([{ description: `Maximum ${i}`, quantity: 1, unitPriceMinor: MAX_AMOUNT_MINOR }]));
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as Json).invoice.id);
    }
    for (let i = 0; i < 2; i++) expect((await post(postPaymentRoute, paymentBody(MAX_AMOUNT_MINOR))).status).toBe(201);
    const db = await getDb();
    await db.execute(sql`
      insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency, bill_to, subtotal_minor, tax_minor, total_minor, paid_minor, posted_at)
      select account_id, number || '-copy-' || g, generation, 'open', issue_date, due_date, period_start, period_end, currency, bill_to, subtotal_minor, tax_minor, total_minor, 0, posted_at
      from invoices, generate_series(1, ${COPIES - 3}) g where id = ${ids[2]}`);
    await db.execute(sql`
      insert into payments (account_id, received_on, amount_minor, currency, reference, method, status)
      select account_id, received_on, amount_minor, currency, reference || '-copy-' || g, method, status
      from payments, generate_series(1, ${COPIES - 2}) g where account_id = ${account.account.id} and reference = (select min(reference) from payments where account_id = ${account.account.id})`);
    expect(await countRows()).toEqual({ invoices: COPIES, payments: COPIES });

    // Two invoices were paid by the two payments, oldest first: COPIES - 2 remain open.
    const openTotal = MAX * BigInt(COPIES - 2);
    const allTotal = MAX * BigInt(COPIES);
    expect(openTotal > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const usd = (minor: bigint) => `$${(minor / 100n).toLocaleString("en-US")}.${String(minor % 100n).padStart(2, "0")}`;
    expect(formatMoney(openTotal, "USD", "en-US")).toBe(usd(openTotal));
    expect(formatMoney(allTotal, "USD", "en-US")).toBe("$99,999,999,999,990.00");

    const filters = (tab: "open" | "recent" | "payments") => parseInvoiceFilters({ tab }, viewer.account, NOW);
    const open = await listOpenInvoices(viewer, filters("open"), NOW);
    expect(open).toMatchObject({ count: COPIES - 2, totalMinor: openTotal });
    expect(open.rows.every((r) => r.balanceMinor === MAX_AMOUNT_MINOR)).toBe(true);
    const recent = await listRecentInvoices(viewer, filters("recent"), NOW);
    expect(recent).toMatchObject({ count: COPIES, totalMinor: allTotal });
    const paid = await listRecentPayments(viewer, filters("payments"), NOW);
    expect(paid).toMatchObject({ count: COPIES, totalMinor: allTotal });
    const tabs = await getTabSummaries(viewer, NOW);
    expect(tabs.summaries).toMatchObject({ open: { totalMinor: openTotal }, recent: { totalMinor: allTotal }, payments: { totalMinor: allTotal } });

    const operator = await createTestOperator();
    const overview = await getAccountOverview(operator, account.account.id);
    expect(overview.counts.openBalanceMinor).toBe(openTotal);
    expect(formatMoney(overview.counts.openBalanceMinor, "USD", "en-US")).toBe(usd(openTotal));
    expect(await listOpenInvoicesForOperator(operator, account.account.id)).toHaveLength(COPIES - 2);

    session.viewer = viewer;
    const csv = await listExport(new Request("http://localhost/account/invoices/export?tab=recent&scope=all"));
    expect(csv.status).toBe(200);
    const [header, ...rows] = parseCsv(await csv.text());
    expect(rows).toHaveLength(COPIES);
    const totalColumn = header.findIndex((h) => /total/i.test(h));
    expect(rows.every((r) => r[totalColumn] === "99999999999.99")).toBe(true);

    const one = await invoiceCsv(new Request(`http://localhost/account/invoices/${ids[0]}/csv`), { params: Promise.resolve({ id: ids[0] }) });
    expect(one.status).toBe(200);
    expect(await one.text()).toContain("99999999999.99");
    const pdf = await invoicePdf(new Request(`http://localhost/account/invoices/${ids[0]}/pdf`), { params: Promise.resolve({ id: ids[0] }) });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  }, 120_000);
});
