import { beforeAll, expect, it } from "vitest";
import type { Viewer } from "@/lib/access/load-viewer";
import { addDays } from "@/lib/dates";
import { exportInvoiceListCsv } from "@/lib/invoices/export-lists";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { payments } from "@/db/schema";
import { createTestAccount, createTestCard, createTestInvoice, createTestPayment, createTestUser, type TestAccount } from "../support/factories";
import { parseCsv } from "../support/parse-csv";
import { describeOnPostgres } from "../support/postgres-only";

// On PostgreSQL the invoice tabs' All and Filtered exports are written by PostgreSQL (COPY, with
// neutralising, amounts and dates in SQL); PGlite and Current Set write them in JavaScript
// (csv-stringify). Both must give the same file, byte for byte, for hostile invoice numbers and
// every currency exponent (issue 14 item 6).

const now = new Date("2026-11-25T15:00:00Z");
const origin = { ip: null, userAgent: "vitest" };

// Formula prefixes (ASCII and full-width), quotes, delimiters, CR/LF, tabs, backslashes, text
// that looks like a number, an empty number, wide characters.
const NUMBERS = [
  '=HYPERLINK("http://x")',
  "+1",
  "-1",
  "-5.00",
  "@SUM(1)",
  "\t=1",
  "\r=1",
  "\n=1",
  "＝1",
  "＋1",
  "－1",
  "＠x",
  'say "hi"',
  '"',
  'ends "',
  "a,b",
  "a;b",
  "line1\nline2",
  "line1\r\nline2",
  "cr\r",
  "tab\tin",
  " =space first",
  "back\\slash",
  "\\.",
  "O'Brien\\'",
  "請求書－２０２６",
  "0.5",
  "1e5",
  "",
];

// Minor unit digits 0, 2, 3 and 4; amounts that pad, round numbers and the largest accepted.
const CURRENCIES = ["JPY", "USD", "BHD", "CLF"];
const AMOUNTS = [0, 5, 100, 12_345, 9_999_999_999_999];

const viewers: Viewer[] = [];

beforeAll(async () => {
  for (const currency of CURRENCIES) {
    // Upgraded long ago: its Generation 3 invoices are hidden (payments name them only as a sum).
    const account = await createTestAccount({ currency, timeZone: "Pacific/Kiritimati", invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 120 * 86_400_000) });
    viewers.push((await createTestUser(account, ["account_admin"])).viewer);
    await createPayments(account);
    for (const [i, number] of NUMBERS.entries()) {
      const issueDate = addDays("2026-11-20", -9 * i);
      const total = AMOUNTS[i % AMOUNTS.length];
      const invoice = await createTestInvoice(account, {
        number,
        issueDate,
        dueDate: addDays(issueDate, 14),
        periodStart: addDays(issueDate, -30),
        periodEnd: addDays(issueDate, -1),
        lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: total, taxRateBp: 0 }],
      });
      // Every status: paid in full, partly paid, void, open, past due.
      if (i % 4 === 1 && total > 0) await createTestPayment(account, { amountMinor: total, allocations: [{ invoiceId: invoice.id, amountMinor: total }] });
      if (i % 4 === 2 && total > 1) await createTestPayment(account, { amountMinor: 1, allocations: [{ invoiceId: invoice.id, amountMinor: 1 }] });
      if (i % 4 === 3 && i % 3 === 0 && total > 0) await voidInvoice(await getDb(), invoice.id, "test", { kind: "system", label: "test" });
    }
  }
});

// COPY in batches of 7 records, so batches end inside and between hostile rows. JavaScript in one
// batch: its keyset cursors refuse control characters (lib/pagination/cursor.ts), so a batch
// ending on a number with a line break would end that export early; validated invoice numbers
// never hold one.
// Recent Payments: hostile references, every method (cards with and without a usable brand) and
// status, payments applied to several visible invoices, to a hidden one, to both, to none.
const REFERENCES = ['=HYPERLINK("http://x")', "-5", "＠x", 'say "hi"', "a,b;c", "line1\nline2", "cr\r", "tab\tin", "", "請求書", "back\\slash"];

async function createPayments(account: TestAccount) {
  const invoice = (number: string, generation: 3 | 4 = 4) =>
    createTestInvoice(account, {
      number,
      generation,
      issueDate: "2025-06-01",
      dueDate: "2025-07-01",
      lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 100_000, taxRateBp: 0 }],
    });
  const [visibleA, visibleB, hidden] = [await invoice("P-B"), await invoice("P-A"), await invoice("G3-A", 3)];
  const cards = [await createTestCard(account, { brand: "=Visa", last4: "4242" }), await createTestCard(account, { brand: "", last4: "0000" })];
  const methods = ["card", "bank_transfer", "check", "other"] as const;
  const statuses = ["succeeded", "pending", "failed", "refunded"] as const;
  for (const [i, reference] of REFERENCES.entries()) {
    const allocations = [
      [
        { invoiceId: visibleA.id, amountMinor: 7 },
        { invoiceId: visibleB.id, amountMinor: 1_005 },
      ],
      [{ invoiceId: hidden.id, amountMinor: 5 }],
      [
        { invoiceId: visibleB.id, amountMinor: 3 },
        { invoiceId: hidden.id, amountMinor: 12_345 },
      ],
      [],
    ][i % 4];
    const method = methods[i % 4];
    const payment = await createTestPayment(account, {
      reference,
      receivedOn: addDays("2026-11-20", -11 * i),
      amountMinor: 20_000 + i,
      method,
      paymentMethodId: method === "card" ? cards[Math.floor(i / 4) % 2].id : null,
      allocations,
    });
    await (
      await getDb()
    )
      .update(payments)
      .set({ status: statuses[i % 4] })
      .where(eq(payments.id, payment.id));
  }
}

async function download(viewer: Viewer, params: Record<string, string>, writer: "copy" | "rows"): Promise<Buffer> {
  const response = await exportInvoiceListCsv(viewer, new URLSearchParams(params), origin, now, { writer, batchSize: writer === "copy" ? 7 : 1000 });
  return Buffer.from(await response.arrayBuffer());
}

describeOnPostgres("CSV export: PostgreSQL's COPY and JavaScript write the same bytes", () => {
  const views: Record<string, string>[] = [
    { tab: "recent", scope: "all" },
    { tab: "open", scope: "all" },
    { tab: "recent", scope: "all", delimiter: "semicolon", sort: "balance", dir: "desc" },
    { tab: "open", scope: "filtered", status: "past_due", sort: "total", dir: "asc" },
    { tab: "recent", scope: "filtered", from: "2026-01-01", to: "2026-11-20", min: "0.01", sort: "number" },
    // A search text that would end a badly quoted literal: COPY takes no parameters.
    { tab: "recent", scope: "filtered", from: "", q: "'Brien\\" },
    { tab: "payments", scope: "all" },
    { tab: "payments", scope: "all", delimiter: "semicolon", sort: "reference", dir: "asc" },
    { tab: "payments", scope: "filtered", status: "succeeded", min: "200.03", sort: "amount", dir: "desc" },
  ];

  for (const view of views) {
    for (const [i, currency] of CURRENCIES.entries()) {
      it(`${new URLSearchParams(view)} in ${currency}`, async () => {
        const copied = await download(viewers[i], view, "copy");
        const written = await download(viewers[i], view, "rows");
        expect(copied.toString("utf8")).toBe(written.toString("utf8"));
        expect(copied.equals(written)).toBe(true);
        // Not two empty files: the rows are there, hostile numbers neutralised and intact.
        const records = parseCsv(copied.toString("utf8"), view.delimiter === "semicolon" ? ";" : ",").slice(1);
        expect(records.length).toBeGreaterThan(0);
        if (view.q) expect(records.map((r) => r[0])).toEqual(["O'Brien\\'"]);
        if (view.tab === "payments" && view.scope === "all") {
          const applied = records.map((r) => r[5]);
          expect(applied.some((a) => a.startsWith("P-A ") && a.includes("; P-B "))).toBe(true);
          expect(applied.some((a) => /^hidden Generation 3 invoices \S+$/.test(a))).toBe(true);
          expect(applied.some((a) => /^P-A \S+; hidden Generation 3 invoices \S+$/.test(a))).toBe(true);
          expect(applied).toContain("");
          expect(applied.join()).not.toContain("G3-A");
          expect(records.map((r) => r[2])).toEqual(expect.arrayContaining(["'=Visa •••• 4242", "Card", "Bank transfer", "Check", "Other"]));
        }
        if (view.scope === "all" && view.tab === "recent") {
          // Every number, neutralised; the payments' invoices too, but not the hidden Generation 3 one.
          const expected = [...NUMBERS.map((n) => (/^[=+\-@\t\r\n＝＋－＠]/.test(n) ? `'${n}` : n)), "P-A", "P-B"];
          expect(records.map((r) => r[0]).sort()).toEqual(expected.sort());
        }
      });
    }
  }

  it("writes every exponent as minorToDecimalString does", async () => {
    const amounts = async (i: number) => parseCsv((await download(viewers[i], { tab: "recent", scope: "all", sort: "total", dir: "asc" }, "copy")).toString("utf8")).slice(1);
    const totals = await Promise.all(CURRENCIES.map(async (_, i) => [...new Set((await amounts(i)).map((r) => r[6]))]));
    expect(totals).toEqual([
      ["0", "5", "100", "12345", "100000", "9999999999999"],
      ["0.00", "0.05", "1.00", "123.45", "1000.00", "99999999999.99"],
      ["0.000", "0.005", "0.100", "12.345", "100.000", "9999999999.999"],
      ["0.0000", "0.0005", "0.0100", "1.2345", "10.0000", "999999999.9999"],
    ]);
  });
});
