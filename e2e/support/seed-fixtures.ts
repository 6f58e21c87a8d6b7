// Run by scripts/e2e-server.mjs (through tsx, before `next start` opens the database): migrates,
// seeds the demo data as the server would, then adds the fixture accounts of ./fixture-accounts.ts with
// the same lib/ functions the app and the demo seed use. The demo data is left exactly as seeded.
import { eq } from "drizzle-orm";
import { closeDb, getDb, type Db } from "@/db/client";
import { ensureDatabaseReady } from "@/db/ensure-ready";
import { accounts, emailOutbox, paymentMethods, supportTickets, ticketMessages } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createUser } from "@/lib/accounts/create-user";
import { hashPassword } from "@/lib/auth/password";
import { addDays, addMonths, isoDateInZone } from "@/lib/dates";
import { postInvoice } from "@/lib/invoices/post-invoice";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { recordPayment } from "@/lib/payments/record-payment";
import { claimDataDir } from "@/lib/server/data-dir-lock";
import { ADMIN_SPEC, FIXTURE_ACCOUNTS, FIXTURE_PASSWORD, GEN3_SPEC, LOGS_SPEC, NOTIFY_SPEC, OPERATOR_SPEC } from "./fixture-accounts";

const SYSTEM = { kind: "system" as const, label: "e2e fixtures" };
const DAY_MS = 86_400_000;
const TIME_ZONE = "UTC";

type Made = Awaited<ReturnType<typeof createAccount>> & { userIds: Record<string, string> };

async function makeAccounts(db: Db, now: Date, passwordHash: string): Promise<Record<string, Made>> {
  const made: Record<string, Made> = {};
  for (const fixture of FIXTURE_ACCOUNTS) {
    // Generation 4 from the start, except the Generation 3 fixture, upgraded when its spec says.
    const upgradedDaysAgo = fixture.slug === GEN3_SPEC.slug ? GEN3_SPEC.upgradedDaysAgo : 400;
    const account = await createAccount(db, {
      slug: fixture.slug,
      name: fixture.name,
      timeZone: TIME_ZONE,
      locale: "en-US",
      currency: "USD",
      invoiceGeneration: 4,
      upgradedAt: new Date(now.getTime() - upgradedDaysAgo * DAY_MS),
    });
    const userIds: Record<string, string> = {};
    for (const person of fixture.users) {
      const user = await createUser(db, { accountId: account.account.id, email: person.email, name: person.name, passwordHash, roleIds: [account.roleIds[person.role]] });
      userIds[person.email] = user.id;
    }
    made[fixture.slug] = { ...account, userIds };
  }
  return made;
}

async function postOpenInvoice(db: Db, accountId: string, number: string, issueDate: string, generation: 3 | 4 = 4) {
  const periodStart = addMonths(`${issueDate.slice(0, 7)}-01`, -1);
  return postInvoice(
    db,
    {
      accountId,
      number,
      generation,
      issueDate,
      dueDate: addDays(issueDate, 30),
      periodStart,
      periodEnd: addDays(addMonths(periodStart, 1), -1),
      lines: [{ description: "Cloud hosting", quantity: "1", unitPriceMinor: 25_000, taxRateBp: 0 }],
    },
    SYSTEM,
    { notify: false },
  );
}

async function seedFixtures(db: Db, now: Date): Promise<void> {
  const made = await makeAccounts(db, now, await hashPassword(FIXTURE_PASSWORD));
  const today = isoDateInZone(now, TIME_ZONE);

  const admin = made[ADMIN_SPEC.slug];
  await db.insert(paymentMethods).values(
    ADMIN_SPEC.cards.map((card) => ({
      accountId: admin.account.id,
      brand: card.brand,
      last4: card.last4,
      expMonth: 12,
      expYear: Number(today.slice(0, 4)) + 3,
      holderName: ADMIN_SPEC.name,
      isDefault: "isDefault" in card && card.isDefault,
      processorToken: `tok_e2e_${card.brand.toLowerCase()}`,
    })),
  );

  const ops = made[OPERATOR_SPEC.slug];
  const billingId = ops.userIds[OPERATOR_SPEC.billing.email];
  const openedAt = new Date(now.getTime() - 26 * 3_600_000);
  const [ticket] = await db
    .insert(supportTickets)
    .values({ accountId: ops.account.id, subject: OPERATOR_SPEC.ticketSubject, category: "billing", createdByUserId: billingId, createdAt: openedAt, updatedAt: openedAt })
    .returning({ id: supportTickets.id });
  await db.insert(ticketMessages).values({ accountId: ops.account.id, ticketId: ticket.id, authorUserId: billingId, body: OPERATOR_SPEC.ticketBody, createdAt: openedAt });
  const failedAt = new Date(now.getTime() - 3 * 3_600_000);
  await db.insert(emailOutbox).values({
    accountId: ops.account.id,
    userId: billingId,
    toEmail: OPERATOR_SPEC.billing.email,
    subject: "A new invoice from Northwind Cloud",
    html: "<p>A new invoice has been posted to your account.</p>",
    text: "A new invoice has been posted to your account.",
    idempotencyKey: "e2e:failed-email",
    status: "failed",
    attempts: 8,
    nextAttemptAt: failedAt,
    lastError: OPERATOR_SPEC.failedEmailError,
    createdAt: new Date(failedAt.getTime() - 6 * 3_600_000),
  });

  // Generation 3 invoices from before the upgrade, paid when due; hidden from the customer until restored.
  const gen3 = made[GEN3_SPEC.slug];
  for (const { number, monthsAgo } of [GEN3_SPEC.tooOld, GEN3_SPEC.restorable]) {
    const invoice = await postOpenInvoice(db, gen3.account.id, number, addMonths(today, -monthsAgo), 3);
    await recordPayment(
      db,
      {
        accountId: gen3.account.id,
        receivedOn: invoice.dueDate,
        amountMinor: invoice.totalMinor,
        reference: `PAY-${number}`,
        method: "bank_transfer",
        allocations: [{ invoiceId: invoice.id, amountMinor: invoice.totalMinor }],
      },
      SYSTEM,
    );
  }

  // Open invoices exactly N days past due today: yesterday's sweep (below) gives the bells their
  // first alerts, and the spec's sweep today crosses the 10- and 30-day thresholds.
  const notify = made[NOTIFY_SPEC.slug];
  for (const days of NOTIFY_SPEC.pastDueDays) {
    await postOpenInvoice(db, notify.account.id, `NTF-${days}`, addDays(today, -(days + 30)));
  }

  // One open invoice, for the logs spec's export.
  await postOpenInvoice(db, made[LOGS_SPEC.slug].account.id, LOGS_SPEC.invoiceNumber, addDays(today, -5));
}

if (!process.env.DATABASE_URL) claimDataDir();
process.env.PORTAL_DEMO_MODE ??= "on";
const now = new Date();
await ensureDatabaseReady(now);
const db = await getDb();
const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, ADMIN_SPEC.slug));
if (!existing) {
  await db.transaction((tx) => seedFixtures(tx, now));
  // As the demo seed does: the reminder sweep as it ran yesterday. The demo accounts were swept
  // for that day already, so this only adds the fixture accounts' alerts.
  await runReminderSweep(db, new Date(now.getTime() - DAY_MS));
}
await closeDb();
console.log("[e2e] demo data and fixtures ready");
