import { describe, expect, it } from "vitest";
import { describeNotification, digestSubject, type InvoiceFacts } from "@/lib/notifications/content";

const account = { name: "Acme Corp", locale: "en-US", timeZone: "America/New_York" };
const invoice: InvoiceFacts = { id: "inv-1", number: "INV-1042", currency: "USD", totalMinor: 150_000, balanceMinor: 125_000, issueDate: "2026-11-01", dueDate: "2026-12-01" };
// 2026-12-11 in New York (the UTC date is already the 12th).
const now = new Date("2026-12-12T03:00:00Z");

describe("notification wording", () => {
  it("a past-due reminder states the fact and the amount still due", () => {
    const m = describeNotification({ event: "invoice_past_due", threshold: 10, invoice }, account, now);
    expect(m.subject).toBe("Invoice INV-1042 is 10 days past due — $1,250.00");
    expect(m.details).toEqual([
      { label: "Invoice number", value: "INV-1042" },
      { label: "Amount due", value: "$1,250.00" },
      { label: "Due date", value: "Dec 1, 2026" },
      { label: "Days past due", value: "10" },
    ]);
    expect(m.action.path).toBe("/account/invoices/inv-1");
  });

  it("a past-due reminder sent late by a catching-up sweep names its threshold in the title, the real count in the details", () => {
    // 2026-12-11 is 10 days past the due date; a sweep down since day 1 sends the 2-day reminder now.
    const m = describeNotification({ event: "invoice_past_due", threshold: 2, invoice }, account, now);
    expect(m.title).toBe("Invoice INV-1042 is 2 days past due — $1,250.00");
    expect(m.details).toContainEqual({ label: "Days past due", value: "10" });
  });

  it("a card reminder sent late by a catching-up sweep names its threshold, not the odd day count", () => {
    // 2026-12-11: 20 days to the end of 12/2026. The 30-day reminder sent now says "within 30 days".
    const card = { id: "c", brand: "Visa", last4: "4242", expMonth: 12, expYear: 2026 };
    expect(describeNotification({ event: "card_expiring", threshold: 30, card }, account, now).title).toBe("Visa ending 4242 expires within 30 days (12/2026)");
  });

  it("formats money and dates in the account's locale", () => {
    const euro = { ...invoice, currency: "EUR" };
    const m = describeNotification({ event: "invoice_posted", invoice: euro }, { name: "Globex", locale: "de-DE", timeZone: "Europe/Berlin" }, now);
    expect(m.subject.replace(/\s/g, " ")).toBe("Invoice INV-1042 posted — 1.500,00 € due 01.12.2026");
  });

  it("a card reminder counts days to the end of the expiry month", () => {
    const m = describeNotification({ event: "card_expiring", threshold: 15, card: { id: "c", brand: "Visa", last4: "4242", expMonth: 12, expYear: 2026 } }, account, now);
    expect(m.title).toBe("Visa ending 4242 expires in 20 days (12/2026)");
    expect(m.action.path).toBe("/account/payment-methods");
  });

  it("a digest subject counts the reminders and totals what is past due", () => {
    const facts = [
      { event: "invoice_past_due" as const, threshold: 10, invoice },
      { event: "invoice_past_due" as const, threshold: 2, invoice: { ...invoice, balanceMinor: 5_000 } },
      { event: "card_expiring" as const, threshold: 30, card: { id: "c", brand: "Visa", last4: "4242", expMonth: 12, expYear: 2026 } },
    ];
    expect(digestSubject(facts, account)).toBe("3 billing reminders for Acme Corp — $1,300.00 past due");
  });
});
