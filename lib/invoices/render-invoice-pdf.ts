import "server-only";
import PDFDocument from "pdfkit";
import { formatDay, formatDayRange, formatInstant } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { paymentMethodLabel } from "@/lib/payments/method-label";
import type { InvoiceDetails } from "./get-invoice";
import { INVOICE_STATUS_LABELS } from "./invoice-status";
import { drawText, measureText, type BoxOptions } from "./pdf-text";

type PdfContext = { providerName: string; providerAddress: string; accountName: string; locale: string; timeZone: string; generatedAt: Date };

const MARGIN = 50;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";

// Renders an invoice (R-I3) as a PDF on the server: the provider and its address, number,
// generation, dates, bill-to, line items, subtotal, tax, total, paid, balance due, and the payments
// applied when the caller may see them. Text in any script prints: Noto fonts are embedded (subset).
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

  const money = (minor: number) => formatMoney(minor, invoice.currency, context.locale);
  const day = (iso: string) => formatDay(iso, context.locale);
  const right = doc.page.width - MARGIN;
  const width = right - MARGIN;
  const text = (value: string, x: number, y: number, options: BoxOptions) => drawText(doc, value, x, y, { color: INK, ...options });

  // Heading: provider and its address on the left; invoice number, generation and status on the right.
  const providerHeight = text(context.providerName, MARGIN, MARGIN, { size: 16, bold: true, width: width / 2 });
  const addressHeight = context.providerAddress ? text(context.providerAddress, MARGIN, MARGIN + providerHeight, { size: 8, color: MUTED, width: width / 2 }) : 0;
  text("Invoice", MARGIN, MARGIN, { size: 9, color: MUTED, width, align: "right" });
  text(invoice.number, MARGIN, MARGIN + 11, { size: 16, bold: true, width, align: "right" });
  const restored = invoice.generation3?.kind === "restored";
  const generation = `Generation ${invoice.generation}${restored ? " · restored by support" : ""}`;
  text(`${INVOICE_STATUS_LABELS[invoice.displayStatus]} · ${generation}`, MARGIN, MARGIN + 36, { size: 9, color: MUTED, width, align: "right" });

  // Bill-to on the left, dates on the right.
  let y = Math.max(MARGIN + 70, MARGIN + providerHeight + addressHeight + 16);
  text("BILL TO", MARGIN, y, { size: 8, color: MUTED, width: width / 2 - 10 });
  const billToBottom = y + 12 + text(invoice.billTo, MARGIN, y + 12, { size: 10, width: width / 2 - 10 });
  const facts: [string, string][] = [
    ["Invoice date", day(invoice.issueDate)],
    ["Due date", day(invoice.dueDate)],
    ["Service period", formatDayRange(invoice.periodStart, invoice.periodEnd, context.locale)],
  ];
  if (invoice.daysPastDue > 0) facts.push(["Days past due", String(invoice.daysPastDue)]);
  if (restored && invoice.generation3) facts.push(["Restored until", formatInstant(invoice.generation3.until, context.locale, context.timeZone)]);
  facts.forEach(([label, value], i) => {
    const rowY = y + i * 15;
    text(label, MARGIN + width / 2, rowY, { size: 9, color: MUTED, width: width / 4 });
    text(value, MARGIN + (3 * width) / 4, rowY, { size: 9, width: width / 4, align: "right" });
  });
  y = Math.max(billToBottom, y + facts.length * 15) + 25;

  // Line items.
  const cols = { description: MARGIN, quantity: MARGIN + width * 0.5, unit: MARGIN + width * 0.62, amount: MARGIN + width * 0.8 };
  const header = () => {
    const style = { size: 8, bold: true, color: MUTED };
    text("DESCRIPTION", cols.description, y, { ...style, width: width * 0.48 });
    text("QTY", cols.quantity, y, { ...style, width: width * 0.1, align: "right" });
    text("UNIT PRICE", cols.unit, y, { ...style, width: width * 0.16, align: "right" });
    text("AMOUNT", cols.amount, y, { ...style, width: width * 0.2, align: "right" });
    y += 13;
    doc.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).lineWidth(0.7).stroke();
    y += 6;
  };
  header();
  for (const line of invoice.lines) {
    const description = { size: 10, width: width * 0.48 };
    const height = Math.max(measureText(doc, line.description, description), 12) + 6;
    if (y + height > doc.page.height - MARGIN - 40) {
      doc.addPage();
      y = MARGIN;
      header();
    }
    text(line.description, cols.description, y, description);
    text(Number(line.quantity).toLocaleString(context.locale, { maximumFractionDigits: 4 }), cols.quantity, y, { size: 10, width: width * 0.1, align: "right" });
    text(money(line.unitPriceMinor), cols.unit, y, { size: 10, width: width * 0.16, align: "right" });
    text(money(line.amountMinor), cols.amount, y, { size: 10, width: width * 0.2, align: "right" });
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
    text(label, cols.unit - width * 0.1, y, { size: 10, bold: strong, color: strong ? INK : MUTED, width: width * 0.26, align: "right" });
    text(money(minor), cols.amount, y, { size: 10, bold: strong, width: width * 0.2, align: "right" });
    y += 16;
  }

  if (invoice.payments && invoice.payments.length > 0) {
    y += 14;
    text("PAYMENTS APPLIED", MARGIN, y, { size: 8, bold: true, color: MUTED, width });
    y += 13;
    for (const payment of invoice.payments) {
      if (y + 14 > doc.page.height - MARGIN - 40) {
        doc.addPage();
        y = MARGIN;
      }
      text(`${day(payment.receivedOn)}  ·  ${payment.reference}  ·  ${paymentMethodLabel(payment)}`, MARGIN, y, { size: 9, width: width * 0.75, align: "left" });
      text(money(payment.appliedMinor), cols.amount, y, { size: 9, width: width * 0.2, align: "right" });
      y += 14;
    }
  }

  const footer = `Amounts in ${invoice.currency}. Generated ${formatInstant(context.generatedAt, context.locale, context.timeZone)}.`;
  text(footer, MARGIN, doc.page.height - MARGIN - 10, { size: 8, color: MUTED, width, align: "center" });
  doc.end();
  return finished;
}
