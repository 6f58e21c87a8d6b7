import { toPlainText } from "@react-email/components";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { describeNotification, type NotificationFacts } from "@/lib/notifications/content";
import { DIGEST_ITEMS_SHOWN } from "@/lib/notifications/deliver";
import { DigestEmail } from "@/lib/notifications/emails/digest-email";
import { renderEmail } from "@/lib/notifications/emails/render-email";

const account = { name: "Acme", locale: "en-US", timeZone: "UTC" };
const now = new Date("2026-12-20T12:00:00Z");
const pastDue = (n: number): NotificationFacts => ({
  event: "invoice_past_due",
  threshold: 30,
  invoice: { id: `inv-${n}`, number: `INV-${1000 + n}`, currency: "USD", totalMinor: 10_000, balanceMinor: 10_000, issueDate: "2026-10-01", dueDate: "2026-11-01" },
});

describe("digest email of a catch-up sweep", () => {
  it(`spells out the first ${DIGEST_ITEMS_SHOWN} reminders and counts the rest, linking to the list`, async () => {
    const total = DIGEST_ITEMS_SHOWN + 5;
    const items = Array.from({ length: DIGEST_ITEMS_SHOWN }, (_, n) => {
      const message = describeNotification(pastDue(n), account, now);
      return { message, actionUrl: `https://portal.test${message.action.path}` };
    });
    const { text } = await renderEmail(
      createElement(DigestEmail, {
        subject: `${total} billing reminders for Acme`,
        accountName: "Acme",
        items,
        total,
        moreUrl: "https://portal.test/account/invoices?tab=open",
        provider: "Test",
        preferencesUrl: "https://portal.test/settings/notifications",
      }),
    );
    expect(text).toContain(`${total} things need your attention for Acme`);
    expect(text).toContain(`INV-${1000 + DIGEST_ITEMS_SHOWN - 1}`);
    expect(text).toMatch(/and 5 more\. See them all at https:\/\/portal\.test\/account\/invoices\?tab=open/);
  });

  it("has the text React Email's own conversion gives (the converter is compiled once, not per email)", async () => {
    const items = [0, 1].map((n) => {
      const message = describeNotification(pastDue(n), account, now);
      return { message, actionUrl: `https://portal.test${message.action.path}` };
    });
    const { html, text } = await renderEmail(
      createElement(DigestEmail, {
        subject: "2 billing reminders for Acme",
        accountName: "Acme",
        items,
        total: 2,
        moreUrl: "https://portal.test/account/invoices?tab=open",
        provider: "Test",
        preferencesUrl: "https://portal.test/settings/notifications",
      }),
    );
    const headings = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));
    expect(text).toBe(toPlainText(html, { selectors: headings }));
    expect(text).toContain("2 things need your attention for Acme");
  });
});
