// The accounts and people that the specs which change data own, so that no spec changes what
// another one (or a person trying the demo) sees, and specs run in any order on two workers.
// Made once when the e2e server starts (e2e/support/seed-fixtures.ts), beside the untouched demo
// data; plain data here, so specs import it without loading server code.

export const FIXTURE_PASSWORD = "fixture-pass-123";

export type FixtureRole = "account_admin" | "billing_manager" | "billing_viewer" | "member";
export type FixtureUser = { email: string; name: string; role: FixtureRole };
export type FixtureCard = { brand: "Visa" | "Amex"; last4: string; isDefault?: boolean };

// e2e/admin.spec.ts: roles, an invitation, a demotion and card permissions in its own account...
export const ADMIN_SPEC = {
  slug: "e2e-admin",
  name: "Admin Spec Co",
  admin: { email: "admin@e2e-admin.example", name: "Alma Admin", role: "account_admin" },
  billing: { email: "billing@e2e-admin.example", name: "Bert Billing", role: "billing_manager" },
  cards: [
    { brand: "Visa", last4: "4242", isDefault: true },
    { brand: "Amex", last4: "0005" },
  ],
} as const satisfies { slug: string; name: string; admin: FixtureUser; billing: FixtureUser; cards: FixtureCard[] };

// ...and, for its card form and last-administrator checks, an account with one administrator and no cards.
export const SOLO_SPEC = {
  slug: "e2e-solo",
  name: "Solo Spec Co",
  admin: { email: "admin@e2e-solo.example", name: "Sol Solo", role: "account_admin" },
} as const satisfies { slug: string; name: string; admin: FixtureUser };

// e2e/operator-support.spec.ts: an account the operator posts into, with a ticket awaiting a reply
// and a failed email...
export const OPERATOR_SPEC = {
  slug: "e2e-ops",
  name: "Ops Spec Co",
  billing: { email: "billing@e2e-ops.example", name: "Otto Billing", role: "billing_manager" },
  ticketSubject: "Storage overage on last month's invoice",
  ticketBody: "Our dashboard shows 2 TB of backups but the invoice bills 3.5 TB. Which is right?",
  failedEmailError: "Resend 422 validation_error: The `to` address bounced permanently (e2e).",
} as const satisfies { slug: string; name: string; billing: FixtureUser; [key: string]: unknown };

// ...and one upgraded to Generation 4 120 days ago, whose Generation 3 invoices are hidden:
// G3-5M was issued 5 months ago (can be restored), G3-8M 8 months ago (too old).
export const GEN3_SPEC = {
  slug: "e2e-gen3",
  name: "Gen3 Spec Co",
  admin: { email: "admin@e2e-gen3.example", name: "Gwen Gen3", role: "account_admin" },
  upgradedDaysAgo: 120,
  restorable: { number: "G3-5M", monthsAgo: 5 },
  tooOld: { number: "G3-8M", monthsAgo: 8 },
} as const satisfies { slug: string; name: string; admin: FixtureUser; [key: string]: unknown };

// e2e/notifications.spec.ts: preferences changed by their owners and by an administrator, and
// open invoices whose reminders come due (10 and 30 days past due today, as in the demo).
export const NOTIFY_SPEC = {
  slug: "e2e-notify",
  name: "Notify Spec Co",
  admin: { email: "admin@e2e-notify.example", name: "Nora Admin", role: "account_admin" },
  billing: { email: "billing@e2e-notify.example", name: "Nils Billing", role: "billing_manager" },
  viewer: { email: "viewer@e2e-notify.example", name: "Vic Viewer", role: "billing_viewer" },
  member: { email: "member@e2e-notify.example", name: "Mia Member", role: "member" },
  pastDueDays: [2, 10, 15, 25, 30],
} as const satisfies { slug: string; name: string; admin: FixtureUser; billing: FixtureUser; viewer: FixtureUser; member: FixtureUser; pastDueDays: number[] };

// e2e/logs.spec.ts: signs in, adds a card and exports an open invoice, then reads the server's log
// for the password, the card number and the CSV's rows.
export const LOGS_SPEC = {
  slug: "e2e-logs",
  name: "Logs Spec Co",
  admin: { email: "admin@e2e-logs.example", name: "Lou Logs", role: "account_admin" },
  invoiceNumber: "LOGS-7731",
} as const satisfies { slug: string; name: string; admin: FixtureUser; invoiceNumber: string };

// Every fixture account with its users, as the seed makes them.
export const FIXTURE_ACCOUNTS: { slug: string; name: string; users: FixtureUser[] }[] = [
  { slug: ADMIN_SPEC.slug, name: ADMIN_SPEC.name, users: [ADMIN_SPEC.admin, ADMIN_SPEC.billing] },
  { slug: SOLO_SPEC.slug, name: SOLO_SPEC.name, users: [SOLO_SPEC.admin] },
  { slug: OPERATOR_SPEC.slug, name: OPERATOR_SPEC.name, users: [OPERATOR_SPEC.billing] },
  { slug: GEN3_SPEC.slug, name: GEN3_SPEC.name, users: [GEN3_SPEC.admin] },
  { slug: NOTIFY_SPEC.slug, name: NOTIFY_SPEC.name, users: [NOTIFY_SPEC.admin, NOTIFY_SPEC.billing, NOTIFY_SPEC.viewer, NOTIFY_SPEC.member] },
  { slug: LOGS_SPEC.slug, name: LOGS_SPEC.name, users: [LOGS_SPEC.admin] },
];
