import "server-only";
import { createHash } from "node:crypto";
import { createElement } from "react";
import type { Db } from "@/db/client";
import { providerName } from "@/lib/env";
import { describeNotification, digestSubject, type AccountFacts, type NotificationFacts } from "./content";
import { DigestEmail } from "./emails/digest-email";
import { NotificationEmail } from "./emails/notification-email";
import { renderEmail } from "./emails/render-email";
import { enqueueEmails, type OutboxEmailInput } from "./enqueue-email";
import { absoluteUrl, NOTIFICATION_LINKS } from "./links";
import { raiseAlerts } from "./raise-alert";

// A notification row that was just inserted (so it is this caller's to deliver, exactly once),
// with its recipient's channels at that moment and the facts to describe it.
export type NewNotification = {
  notificationId: string;
  accountId: string;
  userId: string;
  recipient: { email: string; alert: boolean; emailOn: boolean };
  facts: NotificationFacts;
  account: AccountFacts;
};

// Reminders spelled out in one digest; a catch-up sweep can owe someone hundreds, and an email
// listing them all is unreadable (and slow to render). The subject still counts them all.
export const DIGEST_ITEMS_SHOWN = 25;

// Emails rendered before they are written to the outbox and dropped, so a batch holds at most
// this many rendered emails (~20 KB each) rather than all of a catch-up batch's. Measured: it does
// not lower the catch-up's peak RSS by itself (V8's old-generation limit sets that, see the bench).
export const EMAILS_PER_WRITE = 50;

const isReminder = (n: NewNotification) => n.facts.event !== "invoice_posted";

// Writes the alerts and outbox emails for freshly inserted notifications, in the caller's
// transaction; callers pass a bounded batch (the sweep's batch size), and the inserts are chunked
// (emails by EMAILS_PER_WRITE, as they are rendered). Several reminders for one person become one digest email (★); alerts stay one each.
export async function deliverNotifications(db: Db, items: NewNotification[], now: Date): Promise<{ alerts: number; emails: number }> {
  const alerts = items
    .filter((n) => n.recipient.alert)
    .map((n) => {
      const message = describeNotification(n.facts, n.account, now);
      return { accountId: n.accountId, userId: n.userId, notificationId: n.notificationId, title: message.title, body: message.summary, href: message.action.path, createdAt: now };
    });
  await raiseAlerts(db, alerts);

  const byUser = new Map<string, NewNotification[]>();
  for (const n of items) {
    if (!n.recipient.emailOn) continue;
    const group = byUser.get(n.userId);
    if (group) group.push(n);
    else byUser.set(n.userId, [n]);
  }
  let pending: OutboxEmailInput[] = [];
  let emails = 0;
  const flush = async () => {
    await enqueueEmails(db, pending);
    emails += pending.length;
    pending = [];
  };
  for (const group of byUser.values()) {
    const reminders = group.filter(isReminder);
    const singles = reminders.length > 1 ? group.filter((n) => !isReminder(n)) : group;
    for (const n of singles) pending.push(await singleEmail(n, now));
    if (reminders.length > 1) pending.push(await digestEmail(reminders, now));
    if (pending.length >= EMAILS_PER_WRITE) await flush();
  }
  await flush();
  return { alerts: alerts.length, emails };
}

async function singleEmail(n: NewNotification, now: Date): Promise<OutboxEmailInput> {
  const message = describeNotification(n.facts, n.account, now);
  const { html, text } = await renderEmail(
    createElement(NotificationEmail, {
      message,
      provider: providerName(),
      actionUrl: absoluteUrl(message.action.path),
      preferencesUrl: absoluteUrl(NOTIFICATION_LINKS.preferences()),
    }),
  );
  return {
    accountId: n.accountId,
    userId: n.userId,
    to: n.recipient.email,
    subject: message.subject,
    html,
    text,
    idempotencyKey: `notification:${n.notificationId}`,
    notBefore: now,
  };
}

async function digestEmail(group: NewNotification[], now: Date): Promise<OutboxEmailInput> {
  const [first] = group;
  const subject = digestSubject(
    group.map((n) => n.facts),
    first.account,
  );
  const items = group.slice(0, DIGEST_ITEMS_SHOWN).map((n) => {
    const message = describeNotification(n.facts, n.account, now);
    return { message, actionUrl: absoluteUrl(message.action.path) };
  });
  const { html, text } = await renderEmail(
    createElement(DigestEmail, {
      subject,
      accountName: first.account.name,
      items,
      total: group.length,
      moreUrl: absoluteUrl(NOTIFICATION_LINKS.openInvoices()),
      provider: providerName(),
      preferencesUrl: absoluteUrl(NOTIFICATION_LINKS.preferences()),
    }),
  );
  // The key is derived from the notifications it carries: the same set can never be enqueued twice.
  const ids = group.map((n) => n.notificationId).sort();
  const key = `digest:${createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 40)}`;
  return { accountId: first.accountId, userId: first.userId, to: first.recipient.email, subject, html, text, idempotencyKey: key, notBefore: now };
}
