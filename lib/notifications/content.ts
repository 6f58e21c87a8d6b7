// The words of each notification, shared by the alert and the email. Pure: `now` is passed in.
import { formatDay, isoDateInZone } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { NOTIFICATION_LINKS } from "./links";
import { daysPastDue, daysUntilCardExpiry, cardLastValidDay } from "./thresholds";

export type InvoiceFacts = { id: string; number: string; currency: string; totalMinor: number; balanceMinor: number; issueDate: string; dueDate: string };
export type CardFacts = { id: string; brand: string; last4: string; expMonth: number; expYear: number };
export type AccountFacts = { name: string; locale: string; timeZone: string };

export type NotificationFacts =
  | { event: "invoice_posted"; invoice: InvoiceFacts }
  | { event: "invoice_past_due"; threshold: number; invoice: InvoiceFacts }
  | { event: "card_expiring"; threshold: number; card: CardFacts };

export type NotificationMessage = {
  // Alert title and email subject: the fact, and the amount where there is one.
  title: string;
  subject: string;
  summary: string;
  details: { label: string; value: string }[];
  action: { label: string; path: string };
  // Why the recipient got it (R-N4), completed with the channel by the email.
  reason: string;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function describeNotification(facts: NotificationFacts, account: AccountFacts, now: Date): NotificationMessage {
  const today = isoDateInZone(now, account.timeZone);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, account.locale);
  const day = (iso: string) => formatDay(iso, account.locale);
  const invoiceReason = `You can view invoices for ${account.name}.`;

  if (facts.event === "invoice_posted") {
    const i = facts.invoice;
    const total = money(i.totalMinor, i.currency);
    return {
      title: `Invoice ${i.number} posted — ${total} due ${day(i.dueDate)}`,
      subject: `Invoice ${i.number} posted — ${total} due ${day(i.dueDate)}`,
      summary: `A new invoice for ${account.name} has been posted.`,
      details: [
        { label: "Invoice number", value: i.number },
        { label: "Amount", value: total },
        { label: "Invoice date", value: day(i.issueDate) },
        { label: "Due date", value: day(i.dueDate) },
      ],
      action: { label: "View invoice", path: NOTIFICATION_LINKS.invoice(i.id) },
      reason: invoiceReason,
    };
  }

  if (facts.event === "invoice_past_due") {
    const i = facts.invoice;
    const days = daysPastDue(i.dueDate, today);
    const balance = money(i.balanceMinor, i.currency);
    // The title names the threshold reached (2, 10, 15, 25, 30 days), as the help page says, even
    // when a sweep catching up after downtime sends it a day or two late; the details give the count.
    const fact = `Invoice ${i.number} is ${plural(facts.threshold, "day")} past due`;
    return {
      title: `${fact} — ${balance}`,
      subject: `${fact} — ${balance}`,
      summary: `${balance} is still due on invoice ${i.number}, which was due on ${day(i.dueDate)}.`,
      details: [
        { label: "Invoice number", value: i.number },
        { label: "Amount due", value: balance },
        { label: "Due date", value: day(i.dueDate) },
        { label: "Days past due", value: String(days) },
      ],
      action: { label: "View and pay invoice", path: NOTIFICATION_LINKS.invoice(i.id) },
      reason: invoiceReason,
    };
  }

  const c = facts.card;
  const days = daysUntilCardExpiry(c.expYear, c.expMonth, today);
  const expiry = `${String(c.expMonth).padStart(2, "0")}/${c.expYear}`;
  // A sweep catching up after downtime sends a threshold late: name the threshold then ("within 15
  // days"), never a day count the help page does not list.
  const when = days <= 0 ? "expires today" : days < facts.threshold ? `expires within ${plural(facts.threshold, "day")}` : `expires in ${plural(days, "day")}`;
  return {
    title: `${c.brand} ending ${c.last4} ${when} (${expiry})`,
    subject: `Your ${c.brand} ending ${c.last4} ${when} (${expiry})`,
    summary: `The ${c.brand} card ending ${c.last4} on file for ${account.name} is valid through ${day(cardLastValidDay(c.expYear, c.expMonth))}. Add a new card so payments keep working.`,
    details: [
      { label: "Card", value: `${c.brand} ending ${c.last4}` },
      { label: "Expires", value: expiry },
      { label: "Days left", value: String(Math.max(days, 0)) },
    ],
    action: { label: "Update payment methods", path: NOTIFICATION_LINKS.paymentMethods() },
    reason: `You can read payment information for ${account.name}.`,
  };
}

// Subject of one email listing several reminders (★ digest): how many, and the past-due total.
export function digestSubject(facts: NotificationFacts[], account: AccountFacts): string {
  const pastDue = facts.flatMap((f) => (f.event === "invoice_past_due" ? [f.invoice] : []));
  const currency = pastDue[0]?.currency;
  const sameCurrency = pastDue.every((i) => i.currency === currency);
  const total = pastDue.reduce((sum, i) => sum + i.balanceMinor, 0);
  const amount = pastDue.length && sameCurrency ? ` — ${formatMoney(total, currency!, account.locale)} past due` : "";
  return `${facts.length} billing reminders for ${account.name}${amount}`;
}
