import "server-only";
import type { Db } from "@/db/client";
import { paymentMethods } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { createUser } from "@/lib/accounts/create-user";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/accounts/demo-users";
import { hashPassword } from "@/lib/auth/password";
import { addDays, addMonths, isoDateInZone } from "@/lib/dates";
import { postInvoice, type PostInvoiceInput } from "@/lib/invoices/post-invoice";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { recordPayment } from "@/lib/payments/record-payment";
import { seedSupportDemo } from "./demo-support";

const SYSTEM = { kind: "system" as const, label: "demo seed" };
const DAY_MS = 86_400_000;
// Days of daily reminder sweeps the demo has "run" before today (since Acme's upgrade).
const SWEEP_DAYS = 10;

function monthStart(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

// Seeds the demo accounts of the foundation issue relative to `now`.
export async function seedDemoData(db: Db, now: Date): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;

  await createUser(db, { accountId: null, email: "ops@northwind.example", name: user("ops@northwind.example").name, passwordHash, isOperator: true });

  // Acme: upgraded to Generation 4 ten days ago; every invoice state and reminder threshold.
  const acmeUpgradedAt = new Date(now.getTime() - 10 * DAY_MS);
  const acme = await createAccount(db, {
    slug: "acme",
    name: "Acme Corp",
    timeZone: "America/New_York",
    locale: "en-US",
    currency: "USD",
    billTo: "Acme Corp\nAttn: Accounts Payable\n100 Main Street\nSpringfield, IL 62701\nUnited States",
    invoiceGeneration: 4,
    upgradedAt: acmeUpgradedAt,
  });
  for (const [email, role] of [
    ["admin@acme.example", "account_admin"],
    ["billing@acme.example", "billing_manager"],
    ["viewer@acme.example", "billing_viewer"],
    ["member@acme.example", "member"],
  ] as const) {
    await createUser(db, { accountId: acme.account.id, email, name: user(email).name, passwordHash, roleIds: [acme.roleIds[role]] });
  }
  const acmeToday = isoDateInZone(now, "America/New_York");
  const cards = await db
    .insert(paymentMethods)
    .values([
      { accountId: acme.account.id, brand: "Visa", last4: "4242", ...expiry(acmeToday, 0), holderName: "Ada Admin", isDefault: true, processorToken: "tok_demo_visa" },
      { accountId: acme.account.id, brand: "Mastercard", last4: "5454", ...expiry(acmeToday, 1), holderName: "Bill Manager", processorToken: "tok_demo_mc" },
      { accountId: acme.account.id, brand: "Amex", last4: "0005", ...expiry(acmeToday, 24), holderName: "Acme Corp", processorToken: "tok_demo_amex" },
    ])
    .returning({ id: paymentMethods.id });
  await seedInvoiceHistory(db, {
    now,
    accountId: acme.account.id,
    prefix: "ACME",
    today: acmeToday,
    months: 18,
    upgradedOn: isoDateInZone(acmeUpgradedAt, "America/New_York"),
    cardId: cards[0].id,
    pastDueDays: [2, 10, 15, 25, 30],
    extrasPerMonth: 2,
    lines: [
      { description: "Dedicated server — 2× Xeon, 128 GB", quantity: "1", unitPriceMinor: 64_900, taxRateBp: 0 },
      { description: "Managed backup (TB-month)", quantity: "3.5", unitPriceMinor: 4_500, taxRateBp: 0 },
      { description: "Bandwidth overage (GB)", quantity: "120", unitPriceMinor: 9, taxRateBp: 0 },
    ],
  });

  // Globex: upgraded 120 days ago, so its Generation 3 invoices are hidden unless restored.
  const globexUpgradedAt = new Date(now.getTime() - 120 * DAY_MS);
  const globex = await createAccount(db, {
    slug: "globex",
    name: "Globex",
    timeZone: "Europe/Berlin",
    locale: "de-DE",
    currency: "EUR",
    billTo: "Globex GmbH\nFriedrichstraße 1\n10117 Berlin\nDeutschland",
    invoiceGeneration: 4,
    upgradedAt: globexUpgradedAt,
  });
  await createUser(db, {
    accountId: globex.account.id,
    email: "admin@globex.example",
    name: user("admin@globex.example").name,
    passwordHash,
    roleIds: [globex.roleIds.account_admin],
  });
  const globexToday = isoDateInZone(now, "Europe/Berlin");
  await seedInvoiceHistory(db, {
    now,
    accountId: globex.account.id,
    prefix: "GLX",
    today: globexToday,
    months: 12,
    upgradedOn: isoDateInZone(globexUpgradedAt, "Europe/Berlin"),
    pastDueDays: [5],
    extrasPerMonth: 1,
    lines: [
      { description: "Cloud compute (vCPU-hours)", quantity: "2200", unitPriceMinor: 4, taxRateBp: 1900 },
      { description: "Managed Kubernetes control plane", quantity: "1", unitPriceMinor: 19_900, taxRateBp: 1900 },
    ],
  });

  // Initech: still on Generation 3.
  const initech = await createAccount(db, {
    slug: "initech",
    name: "Initech",
    timeZone: "Europe/London",
    locale: "en-GB",
    currency: "GBP",
    billTo: "Initech Ltd\n1 Silicon Way\nLondon EC1A 1BB\nUnited Kingdom",
  });
  await createUser(db, {
    accountId: initech.account.id,
    email: "admin@initech.example",
    name: user("admin@initech.example").name,
    passwordHash,
    roleIds: [initech.roleIds.account_admin],
  });
  await seedInvoiceHistory(db, {
    now,
    accountId: initech.account.id,
    prefix: "INI",
    today: isoDateInZone(now, "Europe/London"),
    months: 6,
    upgradedOn: null,
    pastDueDays: [],
    extrasPerMonth: 0,
    lines: [{ description: "Virtual private server — 8 GB", quantity: "4", unitPriceMinor: 2_400, taxRateBp: 2000 }],
  });

  // Umbrella: no invoices yet.
  const umbrella = await createAccount(db, { slug: "umbrella", name: "Umbrella", timeZone: "America/Los_Angeles", locale: "en-US", currency: "USD" });
  await createUser(db, {
    accountId: umbrella.account.id,
    email: "admin@umbrella.example",
    name: user("admin@umbrella.example").name,
    passwordHash,
    roleIds: [umbrella.roleIds.account_admin],
  });

  // The history above was posted silently; these are the daily reminder sweeps since the portal
  // went live with Acme's upgrade ten days ago (the first one catching up, as after any downtime),
  // so the bells hold exactly what the sweep sends: alerts at the 2, 10, 15, 25 and 30-day
  // thresholds on the day each was reached, not one per invoice. The first sweep after start-up
  // (or POST /api/cron/reminders) adds today's.
  for (let daysAgo = SWEEP_DAYS; daysAgo >= 1; daysAgo--) await runReminderSweep(db, new Date(now.getTime() - daysAgo * DAY_MS));
  await seedSupportDemo(db, now);
}

// A card valid to the end of the month `monthsAhead` months after today's month.
function expiry(today: string, monthsAhead: number) {
  const month = addMonths(monthStart(today), monthsAhead);
  return { expMonth: Number(month.slice(5, 7)), expYear: Number(month.slice(0, 4)) };
}

type HistoryOptions = {
  accountId: string;
  now: Date;
  prefix: string;
  today: string;
  months: number;
  upgradedOn: string | null;
  cardId?: string;
  pastDueDays: number[];
  extrasPerMonth: number;
  lines: PostInvoiceInput["lines"];
};

// One invoice per service month (paid, partly paid, open, void), plus open invoices that are
// exactly N days past due today, each paid by a payment allocated to it.
async function seedInvoiceHistory(db: Db, o: HistoryOptions): Promise<void> {
  let seq = 1000;
  const generationOn = (issueDate: string) => (o.upgradedOn && issueDate >= o.upgradedOn ? 4 : 3);
  const post = (issueDate: string, dueDate: string, periodStart: string, scale: number, notifyAt?: Date) =>
    postInvoice(
      db,
      {
        accountId: o.accountId,
        number: `${o.prefix}-${++seq}`,
        generation: generationOn(issueDate),
        issueDate,
        dueDate,
        periodStart,
        periodEnd: addDays(addMonths(periodStart, 1), -1),
        lines: o.lines.map((l, i) => ({ ...l, unitPriceMinor: l.unitPriceMinor + ((scale * (i + 3)) % 7) * 100 })),
      },
      SYSTEM,
      notifyAt ? { notify: true, now: notifyAt } : { notify: false },
    );

  for (let m = o.months; m >= 1; m--) {
    const periodStart = addMonths(monthStart(o.today), -m);
    const issueDate = addMonths(periodStart, 1);
    const dueDate = addDays(issueDate, 30);
    const invoice = await post(issueDate, dueDate, periodStart, m);
    if (dueDate >= o.today) {
      // not due yet: left open
    } else if (m % 9 === 4) {
      await voidInvoice(db, invoice.id, "Issued in error (demo data)", SYSTEM);
    } else if (m % 7 === 3) {
      await pay(db, o, invoice, Math.floor(invoice.totalMinor / 2), addDays(dueDate, -3));
    } else {
      await pay(db, o, invoice, invoice.totalMinor, addDays(dueDate, -((m % 5) + 1)));
    }
    // Smaller invoices (support hours) in the same month.
    for (let k = 0; k < o.extrasPerMonth; k++) {
      const extra = await postInvoice(
        db,
        {
          accountId: o.accountId,
          number: `${o.prefix}-${++seq}`,
          generation: generationOn(issueDate),
          issueDate,
          dueDate,
          periodStart,
          periodEnd: addDays(addMonths(periodStart, 1), -1),
          lines: [
            {
              description: k === 0 ? "Premium support (hours)" : "Incident response (hours)",
              quantity: String(2 + ((m + k) % 4)),
              unitPriceMinor: 12_500 + k * 2_500,
              taxRateBp: o.lines[0].taxRateBp,
            },
          ],
        },
        SYSTEM,
        { notify: false },
      );
      if (dueDate < o.today) await pay(db, o, extra, extra.totalMinor, addDays(dueDate, -1 - k));
    }
  }
  for (const days of o.pastDueDays) {
    const dueDate = addDays(o.today, -days);
    const issueDate = addDays(dueDate, -30);
    await post(issueDate, dueDate, addDays(issueDate, -30), days);
  }
  // Recently issued, not yet due: these announce themselves ("invoice posted") as of their issue day.
  for (const daysAgo of [5, 1]) {
    const issueDate = addDays(o.today, -daysAgo);
    await post(issueDate, addDays(issueDate, 30), monthStart(issueDate), daysAgo, new Date(o.now.getTime() - daysAgo * DAY_MS));
  }
}

async function pay(db: Db, o: HistoryOptions, invoice: { id: string; number: string }, amountMinor: number, receivedOn: string) {
  await recordPayment(
    db,
    {
      accountId: o.accountId,
      receivedOn,
      amountMinor,
      reference: `PAY-${invoice.number}`,
      method: o.cardId ? "card" : "bank_transfer",
      paymentMethodId: o.cardId ?? null,
      allocations: [{ invoiceId: invoice.id, amountMinor }],
    },
    SYSTEM,
  );
}
