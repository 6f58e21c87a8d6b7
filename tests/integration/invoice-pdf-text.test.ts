import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareInvoiceExport } from "@/lib/invoices/export-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { createTestAccount, createTestGrant, createTestInvoice, createTestUser } from "../support/factories";

const now = new Date("2026-11-25T15:00:00Z");
const DAY = 86_400_000;

// The PDF's text as a reader gets it: poppler's pdftotext (Debian's poppler-utils, installed by .ci/run).
function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "invoice-pdf-")), "invoice.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

const SAMPLES = {
  japanese: "東京都千代田区丸の内",
  fullWidth: "ＡＢＣ１２３",
  arabic: "شركة الخليج للتقنية",
  hebrew: "חברת הגליל בע״מ",
  greek: "Αθήνα Ελλάδα",
  cyrillic: "Москва Россия",
};

describe("invoice PDF text", () => {
  it("prints Japanese, Arabic, Hebrew, Greek and Cyrillic intact, with the provider's address, the generation and 'restored'", async () => {
    const account = await createTestAccount({
      currency: "EUR",
      locale: "de-DE",
      invoiceGeneration: 4,
      upgradedAt: new Date(now.getTime() - 90 * DAY),
      billTo: [SAMPLES.japanese, SAMPLES.arabic, SAMPLES.hebrew, SAMPLES.greek, SAMPLES.cyrillic].join("\n"),
    });
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const invoice = await createTestInvoice(account, {
      number: "PDF-3",
      generation: 3,
      issueDate: "2026-07-01",
      dueDate: "2026-07-31",
      lines: [
        { description: `Hosting ${SAMPLES.fullWidth} ${SAMPLES.japanese}`, quantity: "1", unitPriceMinor: 10_000, taxRateBp: 0 },
        { description: `${SAMPLES.arabic} 2026`, quantity: "2", unitPriceMinor: 2_500, taxRateBp: 0 },
      ],
    });
    await createTestGrant(account, invoice.id, new Date(now.getTime() + 10 * DAY));
    const { invoice: details } = await prepareInvoiceExport(viewer, invoice.id, "pdf", {}, now);
    const pdf = await renderInvoicePdf(details, {
      providerName: "Northwind Cloud",
      providerAddress: "500 Harbor Way, Suite 300\nSeattle, WA 98101",
      accountName: account.account.name,
      locale: "de-DE",
      timeZone: "Europe/Berlin",
      generatedAt: now,
    });
    // Subset, not the whole 4.5 MB CJK font.
    expect(pdf.length).toBeLessThan(400_000);

    const text = pdfText(pdf);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    for (const [script, sample] of Object.entries(SAMPLES)) {
      for (const word of words(sample)) expect(text, `${script}: ${word}`).toContain(word);
    }
    expect(text).toContain("Northwind Cloud");
    expect(text).toContain("500 Harbor Way, Suite 300");
    expect(text).toContain("Seattle, WA 98101");
    expect(text).toMatch(/Generation 3 · restored by support/);
    expect(text).toContain("Restored until");
    expect(text).toContain("PDF-3");
  });

  it("names Generation 4 and says nothing of a restoration for an ordinary invoice", async () => {
    const account = await createTestAccount({ currency: "USD", locale: "en-US" });
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const invoice = await createTestInvoice(account, { number: "PDF-4" });
    const { invoice: details } = await prepareInvoiceExport(viewer, invoice.id, "pdf", {}, now);
    const text = pdfText(
      await renderInvoicePdf(details, { providerName: "Northwind Cloud", providerAddress: "", accountName: "A", locale: "en-US", timeZone: "UTC", generatedAt: now }),
    );
    expect(text).toContain("Generation 4");
    expect(text).not.toContain("restored");
    expect(text).toContain("$100.00");
  });
});
