import "server-only";
import PDFDocument from "pdfkit";
import { formatDay, formatDayRange, formatInstant } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import type { InvoiceDetails } from "./get-invoice";
import { INVOICE_STATUS_LABELS } from "./invoice-status";

type PdfContext = { providerName: string; accountName: string; locale: string; timeZone: string; generatedAt: Date };

const MARGIN = 50;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";

// The built-in PDF fonts speak WinAnsi: Intl's thin and narrow spaces become plain ones.
function pdfText(text: string): string {
  return text.replace(/[\u2000-\u200b\u202f\u205f]/g, " ");
}

// Renders an invoice (R-I3) as a PDF on the server: number, dates, bill-to, line items, subtotal,
// tax, total, paid, balance due, and the payments applied when the caller may see them.
export function renderInvoicePdf(invoice: InvoiceDetails, context: PdfContext): Promise<Buffer> {
  const doc = new PDFDocument({
    size: context.locale === "en-US" || context.locale === "en-CA" ? "LETTER" : "A4",
    margin: MARGIN,
    info: { Title: `Invoice ${invoice.number}`, Author: context.providerName, Subject: `Invoice ${invoice.number} for ${context.accountName}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const money = (minor: number) => pdfText(formatMoney(minor, invoice.currency, context.locale));
  const day = (iso: string) => pdfText(formatDay(iso, context.locale));
  const right = doc.page.width - MARGIN;
  const width = right - MARGIN;

  // Heading: provider on the left, invoice number and status on the right.
  doc.fillColor(INK).font("Helvetica-Bold").fontSize(16).text(pdfText(context.providerName), MARGIN, MARGIN);
  doc.font("Helvetica").fontSize(9).fillColor(MUTED).text("Invoice", MARGIN, MARGIN, { width, align: "right" });
  doc
    .font("Helvetica-Bold")
    .fontSize(16)
    .fillColor(INK)
    .text(pdfText(invoice.number), MARGIN, MARGIN + 11, { width, align: "right" });
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor(MUTED)
    .text(INVOICE_STATUS_LABELS[invoice.displayStatus], MARGIN, MARGIN + 31, { width, align: "right" });

  // Bill-to on the left, dates on the right.
  let y = MARGIN + 70;
  doc.fontSize(8).fillColor(MUTED).text("BILL TO", MARGIN, y);
  doc
    .fontSize(10)
    .fillColor(INK)
    .text(pdfText(invoice.billTo), MARGIN, y + 12, { width: width / 2 - 10 });
  const billToBottom = doc.y;
  const facts: [string, string][] = [
    ["Invoice date", day(invoice.issueDate)],
    ["Due date", day(invoice.dueDate)],
    ["Service period", pdfText(formatDayRange(invoice.periodStart, invoice.periodEnd, context.locale))],
  ];
  if (invoice.daysPastDue > 0) facts.push(["Days past due", String(invoice.daysPastDue)]);
  facts.forEach(([label, value], i) => {
    const rowY = y + i * 15;
    doc
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, MARGIN + width / 2, rowY, { width: width / 4 });
    doc.fillColor(INK).text(value, MARGIN + (3 * width) / 4, rowY, { width: width / 4, align: "right" });
  });
  y = Math.max(billToBottom, y + facts.length * 15) + 25;

  // Line items.
  const cols = { description: MARGIN, quantity: MARGIN + width * 0.5, unit: MARGIN + width * 0.62, amount: MARGIN + width * 0.8 };
  const header = () => {
    doc.font("Helvetica-Bold").fontSize(8).fillColor(MUTED);
    doc.text("DESCRIPTION", cols.description, y);
    doc.text("QTY", cols.quantity, y, { width: width * 0.1, align: "right" });
    doc.text("UNIT PRICE", cols.unit, y, { width: width * 0.16, align: "right" });
    doc.text("AMOUNT", cols.amount, y, { width: width * 0.2, align: "right" });
    y += 13;
    doc.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).lineWidth(0.7).stroke();
    y += 6;
    doc.font("Helvetica").fontSize(10).fillColor(INK);
  };
  header();
  for (const line of invoice.lines) {
    const description = pdfText(line.description);
    const height = Math.max(doc.heightOfString(description, { width: width * 0.48 }), 12) + 6;
    if (y + height > doc.page.height - MARGIN - 40) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    doc.text(description, cols.description, y, { width: width * 0.48 });
    doc.text(pdfText(Number(line.quantity).toLocaleString(context.locale, { maximumFractionDigits: 4 })), cols.quantity, y, {
      width: width * 0.1,
      align: "right",
    });
    doc.text(money(line.unitPriceMinor), cols.unit, y, { width: width * 0.16, align: "right" });
    doc.text(money(line.amountMinor), cols.amount, y, { width: width * 0.2, align: "right" });
    y += height;
  }
  doc.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).stroke();
  y += 10;

  // Totals, right-aligned under the amounts.
  const totals: [string, number, boolean][] = [
    ["Subtotal", invoice.subtotalMinor, false],
    ["Tax", invoice.taxMinor, false],
    ["Total", invoice.totalMinor, true],
    ["Paid", invoice.paidMinor, false],
    ["Balance due", invoice.balanceMinor, true],
  ];
  if (y + totals.length * 16 > doc.page.height - MARGIN - 40) {
    doc.addPage();
    y = MARGIN;
  }
  for (const [label, minor, strong] of totals) {
    doc
      .font(strong ? "Helvetica-Bold" : "Helvetica")
      .fontSize(10)
      .fillColor(strong ? INK : MUTED);
    doc.text(label, cols.unit - width * 0.1, y, { width: width * 0.26, align: "right" });
    doc.fillColor(INK).text(money(minor), cols.amount, y, { width: width * 0.2, align: "right" });
    y += 16;
  }

  if (invoice.payments && invoice.payments.length > 0) {
    y += 14;
    doc.font("Helvetica-Bold").fontSize(8).fillColor(MUTED).text("PAYMENTS APPLIED", MARGIN, y);
    y += 13;
    doc.font("Helvetica").fontSize(9).fillColor(INK);
    for (const payment of invoice.payments) {
      const text = `${day(payment.receivedOn)}  ·  ${pdfText(payment.reference)}  ·  ${pdfText(paymentMethodLabel(payment))}`;
      doc.text(text, MARGIN, y, { width: width * 0.75 });
      doc.text(money(payment.appliedMinor), cols.amount, y, { width: width * 0.2, align: "right" });
      y += 14;
    }
  }

  const footer = `Amounts in ${invoice.currency}. Generated ${pdfText(formatInstant(context.generatedAt, context.locale, context.timeZone))}.`;
  doc
    .font("Helvetica")
    .fontSize(8)
    .fillColor(MUTED)
    .text(footer, MARGIN, doc.page.height - MARGIN - 10, { width, align: "center", lineBreak: false });
  doc.end();
  return finished;
}
