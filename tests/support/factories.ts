// Small builders for integration tests: real rows through the same lib/ functions the app uses.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoiceAccessGrants, paymentMethods, rolePermissions, roles, userRoles } from "@/db/schema";
import { loadIdentity, type Operator, type Viewer } from "@/lib/access/load-viewer";
import type { BuiltInRoleKey, Permission } from "@/lib/access/permissions";
import { createAccount } from "@/lib/accounts/create-account";
import { createUser } from "@/lib/accounts/create-user";
import { postInvoice, type PostInvoiceInput, type PostInvoiceOptions } from "@/lib/invoices/post-invoice";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { recordPayment, type RecordPaymentInput } from "@/lib/payments/record-payment";

export const TEST_ACTOR = { kind: "system" as const, label: "test" };

// A cheap, fixed argon2id hash of "test-password" so factories don't pay for hashing.
export const TEST_PASSWORD = "test-password";
let testHash: Promise<string> | undefined;
async function testPasswordHash() {
  const { hashPassword } = await import("@/lib/auth/password");
  testHash ??= hashPassword(TEST_PASSWORD);
  return testHash;
}

export async function createTestAccount(overrides: Partial<Parameters<typeof createAccount>[1]> = {}) {
  const slug = overrides.slug ?? `acct-${randomUUID().slice(0, 8)}`;
  return createAccount(await getDb(), { slug, name: overrides.name ?? `Account ${slug}`, currency: "USD", timeZone: "UTC", ...overrides });
}

export type TestAccount = Awaited<ReturnType<typeof createTestAccount>>;

// A user in `account` holding the given built-in roles, plus the Viewer a request of theirs would get.
export async function createTestUser(account: TestAccount, roles: BuiltInRoleKey[] = ["account_admin"], email?: string) {
  const user = await createUser(await getDb(), {
    accountId: account.account.id,
    email: email ?? `${randomUUID().slice(0, 8)}@${account.account.slug}.test`,
    name: `User ${randomUUID().slice(0, 4)}`,
    passwordHash: await testPasswordHash(),
    roleIds: roles.map((r) => account.roleIds[r]),
  });
  return { user, viewer: await viewerFor(user.id) };
}

export async function createTestOperator(): Promise<Operator> {
  const user = await createUser(await getDb(), {
    accountId: null,
    email: `ops-${randomUUID().slice(0, 8)}@provider.test`,
    name: "Test Operator",
    passwordHash: await testPasswordHash(),
    isOperator: true,
  });
  const identity = await loadIdentity(await getDb(), user.id);
  if (identity?.kind !== "operator") throw new Error("expected an operator");
  return identity;
}

export async function viewerFor(userId: string): Promise<Viewer> {
  const identity = await loadIdentity(await getDb(), userId);
  if (identity?.kind !== "customer") throw new Error(`user ${userId} has no viewer`);
  return identity;
}

export async function setUserRoles(account: TestAccount, userId: string, roles: BuiltInRoleKey[]) {
  const db = await getDb();
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length) await db.insert(userRoles).values(roles.map((r) => ({ accountId: account.account.id, userId, roleId: account.roleIds[r] })));
}

let invoiceSeq = 0;
export async function createTestInvoice(account: TestAccount, overrides: Partial<PostInvoiceInput> = {}, options: PostInvoiceOptions = {}) {
  return postInvoice(
    await getDb(),
    {
      accountId: account.account.id,
      number: `INV-${++invoiceSeq}-${randomUUID().slice(0, 4)}`,
      generation: 4,
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      periodStart: "2026-09-01",
      periodEnd: "2026-09-30",
      lines: [{ description: "Hosting", quantity: "1", unitPriceMinor: 10_000, taxRateBp: 0 }],
      ...overrides,
    },
    TEST_ACTOR,
    options,
  );
}

export async function createTestPayment(account: TestAccount, input: Partial<RecordPaymentInput> & Pick<RecordPaymentInput, "amountMinor">) {
  return recordPayment(
    await getDb(),
    { accountId: account.account.id, receivedOn: "2026-10-15", reference: `PAY-${randomUUID().slice(0, 6)}`, method: "bank_transfer", allocations: [], ...input },
    TEST_ACTOR,
  );
}

export async function createTestCard(account: TestAccount, overrides: Partial<typeof paymentMethods.$inferInsert> = {}) {
  const [card] = await (
    await getDb()
  )
    .insert(paymentMethods)
    .values({
      accountId: account.account.id,
      brand: "Visa",
      last4: "4242",
      expMonth: 12,
      expYear: 2030,
      holderName: "Test Holder",
      processorToken: `tok_${randomUUID()}`,
      ...overrides,
    })
    .returning();
  return card;
}

// A support grant that restores a hidden Generation 3 invoice to the account until `expiresAt` (R-G3).
export async function createTestGrant(account: TestAccount, invoiceId: string, expiresAt: Date, grantedAt = new Date(expiresAt.getTime() - 30 * 86_400_000)) {
  const [grant] = await (await getDb()).insert(invoiceAccessGrants).values({ accountId: account.account.id, invoiceId, grantedAt, expiresAt }).returning();
  return grant;
}

// Saves a user's Billing channels the way the preferences page does.
export async function setTestPreferences(viewer: Viewer, channels: { alert: boolean; email: boolean }) {
  return updateNotificationPreferences(viewer, channels);
}

// A custom role in `account` with the given permissions, inserted directly (no audit, no checks).
export async function createTestRole(account: TestAccount, name: string, permissions: Permission[]) {
  const db = await getDb();
  const [role] = await db.insert(roles).values({ accountId: account.account.id, name }).returning();
  if (permissions.length) await db.insert(rolePermissions).values(permissions.map((permission) => ({ accountId: account.account.id, roleId: role.id, permission })));
  return role;
}

// A user holding exactly the given roles (built-in keys or role ids), with their Viewer.
export async function createTestUserWithRoles(account: TestAccount, roleIds: string[]) {
  const user = await createUser(await getDb(), {
    accountId: account.account.id,
    email: `${randomUUID().slice(0, 8)}@${account.account.slug}.test`,
    name: `User ${randomUUID().slice(0, 4)}`,
    passwordHash: await testPasswordHash(),
    roleIds,
  });
  return { user, viewer: await viewerFor(user.id) };
}

// A customer viewer passed where an operator is expected: what a forged call to an operator function looks like.
export function asForgedOperator(viewer: Viewer): Operator {
  return viewer as unknown as Operator;
}

// An API key for the ingest API, created through the operator console's function; returns the secret.
export async function createTestApiKey(operator: Operator, name = "Billing system") {
  const { createApiKey } = await import("@/lib/ingest/api-keys");
  return createApiKey(operator, { name });
}
