import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { csvDownload } from "@/lib/exports/csv-download";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";
import { invoiceCsvColumns, invoiceCsvRows } from "@/lib/invoices/invoice-csv";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { createTestAccount, createTestInvoice, createTestUser } from "../support/factories";

const now = new Date("2026-11-25T15:00:00Z");
const origin = { ip: "203.0.113.9", userAgent: "vitest" };

async function exportsFor(accountId: string) {
  const db = await getDb();
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.action, "invoice.exported")));
}

describe("invoice downloads", () => {
  it("name the file after the account and invoice and write an audit event", async () => {
    const account = await createTestAccount({ slug: "wayne", currency: "EUR", locale: "de-DE" });
    const { viewer, user } = await createTestUser(account, ["billing_viewer"]);
    const invoice = await createTestInvoice(account, {
      number: "W-7",
      lines: [{ description: '=HYPERLINK("x")', quantity: "2", unitPriceMinor: 1_234, taxRateBp: 1_950 }],
    });

    const prepared = await prepareInvoiceExport(viewer, invoice.id, "csv", origin, now);
    expect(prepared.filename).toBe("wayne-invoice-W-7.csv");
    const [event] = await exportsFor(account.account.id);
    expect(event).toMatchObject({ actorUserId: user.id, targetId: invoice.id, details: { format: "csv", number: "W-7" }, ip: "203.0.113.9" });

    const body = await csvDownload({
      filename: prepared.filename,
      columns: invoiceCsvColumns(prepared.invoice),
      batches: [invoiceCsvRows(prepared.invoice)],
    }).text();
    const lines = body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Invoice number,Invoice date,Due date,Service period start,Service period end,Status,Row,Line,Description,Quantity,Unit price,Tax rate (%),Tax,Amount,Currency",
    );
    expect(lines[1]).toBe(`W-7,2026-10-01,2026-10-31,2026-09-01,2026-09-30,Past due,line,1,"'=HYPERLINK(""x"")",2,12.34,19.5,4.81,24.68,EUR`);
    expect(lines.slice(2, 7).map((l) => l.split(",").slice(6).join(","))).toEqual([
      "subtotal,,Subtotal,,,,,24.68,EUR",
      "tax,,Tax,,,,,4.81,EUR",
      "total,,Total,,,,,29.49,EUR",
      "paid,,Paid,,,,,0.00,EUR",
      "balance_due,,Balance due,,,,,29.49,EUR",
    ]);
  });

  it("render a PDF of the invoice", async () => {
    const account = await createTestAccount({ currency: "EUR", locale: "de-DE", billTo: "Globex GmbH\nFriedrichstraße 1" });
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const invoice = await createTestInvoice(account, { number: "GLX-9" });
    const { invoice: details } = await prepareInvoiceExport(viewer, invoice.id, "pdf", origin, now);
    const pdf = await renderInvoicePdf(details, {
      providerName: "Northwind Cloud",
      providerAddress: "500 Harbor Way\nSeattle, WA 98101",
      accountName: "Globex",
      locale: "de-DE",
      timeZone: "Europe/Berlin",
      generatedAt: now,
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("Invoice GLX-9");
  });

  it("refuse another account's invoice and record nothing", async () => {
    const theirs = await createTestAccount();
    const invoice = await createTestInvoice(theirs);
    const mine = await createTestAccount();
    const { viewer } = await createTestUser(mine);
    await expect(prepareInvoiceExport(viewer, invoice.id, "pdf", origin, now)).rejects.toMatchObject({ code: "not_found" });
    expect(await exportsFor(mine.account.id)).toEqual([]);
    expect(await exportsFor(theirs.account.id)).toEqual([]);
  });
});
