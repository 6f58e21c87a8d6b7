import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, emailOutbox, notifications, users } from "@/db/schema";
import { createTestAccount, createTestInvoice, createTestUser, setTestPreferences } from "../support/factories";

async function written(accountId: string) {
  const db = await getDb();
  return {
    notifications: await db.select().from(notifications).where(eq(notifications.accountId, accountId)),
    alerts: await db.select().from(alerts).where(eq(alerts.accountId, accountId)),
    emails: await db.select().from(emailOutbox).where(eq(emailOutbox.accountId, accountId)),
  };
}

describe("invoice posted notifications", () => {
  it("alerts and emails the account's invoice viewers by their preferences, with the invoice", async () => {
    const account = await createTestAccount({ name: "Acme Corp", timeZone: "America/New_York" });
    const admin = await createTestUser(account, ["account_admin"]);
    const viewer = await createTestUser(account, ["billing_viewer"]);
    const member = await createTestUser(account, ["member"]);
    const disabled = await createTestUser(account, ["billing_viewer"]);
    await (await getDb()).update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.user.id));
    await setTestPreferences(viewer.viewer, { alert: true, email: true });
    await createTestAccount().then((other) => createTestUser(other, ["account_admin"]));

    const invoice = await createTestInvoice(account, {
      number: "INV-1042",
      dueDate: "2026-12-25",
      lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 125_000, taxRateBp: 0 }],
    });
    const { notifications: rows, alerts: bell, emails } = await written(account.account.id);

    expect(rows.map((r) => r.userId).sort()).toEqual([admin.user.id, viewer.user.id].sort());
    expect(rows.every((r) => r.event === "invoice_posted" && r.subjectId === invoice.id && r.threshold === 0)).toBe(true);
    expect(bell.map((a) => a.userId).sort()).toEqual([admin.user.id, viewer.user.id].sort());
    expect(bell[0]).toMatchObject({ title: "Invoice INV-1042 posted — $1,250.00 due Dec 25, 2026", href: `/account/invoices/${invoice.id}` });
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ toEmail: viewer.user.email, subject: "Invoice INV-1042 posted — $1,250.00 due Dec 25, 2026", status: "pending" });
    expect(email.html).toContain('lang="en"');
    expect(email.html).toMatch(/<h1[^>]*>Invoice INV-1042 posted/);
    expect(email.text).toContain(`http://localhost:3000/account/invoices/${invoice.id}`);
    expect(email.text).toContain("Why you got this: You can view invoices for Acme Corp.");
    expect(email.text).toContain("http://localhost:3000/settings/notifications");
    for (const u of [member, disabled]) expect(bell.some((a) => a.userId === u.user.id)).toBe(false);
  });

  it("writes nothing when the posting fails: the notifications share the invoice's transaction", async () => {
    const account = await createTestAccount();
    await createTestUser(account, ["account_admin"]);
    await createTestInvoice(account, { number: "DUP-1" });
    await expect(createTestInvoice(account, { number: "DUP-1" })).rejects.toThrow(/already exists/);
    const { notifications: rows, alerts: bell } = await written(account.account.id);
    expect(rows).toHaveLength(1);
    expect(bell).toHaveLength(1);
  });

  it("posts history silently with notify: false", async () => {
    const account = await createTestAccount();
    await createTestUser(account, ["account_admin"]);
    await createTestInvoice(account, {}, { notify: false });
    const { notifications: rows, alerts: bell, emails } = await written(account.account.id);
    expect([rows.length, bell.length, emails.length]).toEqual([0, 0, 0]);
  });

  it("does not announce a Generation 3 invoice the account can no longer see", async () => {
    const account = await createTestAccount({ invoiceGeneration: 4, upgradedAt: new Date(Date.now() - 90 * 86_400_000) });
    await createTestUser(account, ["account_admin"]);
    await createTestInvoice(account, { generation: 3 });
    expect((await written(account.account.id)).alerts).toHaveLength(0);
  });
});
