import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, paymentMethods } from "@/db/schema";
import { logger } from "@/lib/log";
import { addPaymentMethod } from "@/lib/payments/add-payment-method";
import { removePaymentMethod, setDefaultPaymentMethod } from "@/lib/payments/change-payment-method";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { createTestAccount, createTestCard, createTestInvoice, createTestPayment, createTestRole, createTestUser, createTestUserWithRoles } from "../support/factories";

const now = new Date("2026-11-25T12:00:00Z");
// A valid Visa test number whose digits appear nowhere else in the test data.
const NUMBER = "4000056655665556";
const CVC = "731";
const card = (overrides: Record<string, unknown> = {}) => ({ holderName: "Ada Admin", number: "4000 0566 5566 5556", expMonth: "3", expYear: "2029", cvc: CVC, ...overrides });

afterEach(() => vi.restoreAllMocks());

// Every text rendering of every row of every table (a database dump, in effect).
async function databaseDump(): Promise<string> {
  const db = await getDb();
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as {
    rows: { table_name: string }[];
  };
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = (await db.execute(sql`select t::text as row from ${sql.identifier(table_name)} t`)) as unknown as { rows: { row: string }[] };
    parts.push(...rows.rows.map((r) => r.row));
  }
  expect(tables.rows.length).toBeGreaterThan(15);
  return parts.join("\n");
}

describe("adding a card (R-M1, R-M2)", () => {
  it("keeps only brand, last 4, expiry and an opaque token: the number is nowhere in the database or the log", async () => {
    const logged: string[] = [];
    const record = (...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(" "));
    for (const level of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, level).mockImplementation(record);
    // …and the portal's logger (lib/log.ts), which writes to stdout without going through console.
    for (const level of ["trace", "debug", "info", "warn", "error", "fatal"] as const) vi.spyOn(logger(), level).mockImplementation(record as never);
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const added = await addPaymentMethod(viewer, card(), { ip: "10.0.0.5" }, now);
    expect(added).toEqual({ id: expect.any(String), brand: "Visa", last4: "5556" });
    await expect(addPaymentMethod(viewer, card({ number: "4000056655665557" }), {}, now)).rejects.toThrow();
    await expect(addPaymentMethod(viewer, card({ expYear: "2020" }), {}, now)).rejects.toThrow();

    const [row] = await (await getDb()).select().from(paymentMethods).where(eq(paymentMethods.id, added.id));
    expect(row).toMatchObject({ brand: "Visa", last4: "5556", expMonth: 3, expYear: 2029, holderName: "Ada Admin", isDefault: true });
    expect(row.processorToken).toMatch(/^tok_[A-Za-z0-9_-]{20,}$/);
    const dump = await databaseDump();
    expect(dump).toContain(row.processorToken);
    for (const fragment of [NUMBER, "4000 0566 5566 5556", "400005665566", "4000056655665557"]) expect(dump).not.toContain(fragment);
    // A "cvc" JSON key in any column (a row's text doubles the quotes); not the letters "cvc",
    // which random base64 in tokens and hashes contains now and then.
    expect(dump).not.toMatch(/"+cvc"+\s*:/i);
    expect(logged.join("\n")).not.toContain("40000566");
  });

  it("refuses a number failing the Luhn check, an expired card or a missing holder, with messages that never repeat the number", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const errors = async (input: Record<string, unknown>) =>
      addPaymentMethod(viewer, card(input), {}, now).then(
        () => null,
        (e: { message: string; details: unknown }) => JSON.stringify([e.message, e.details]),
      );
    const luhn = await errors({ number: "4000056655665557" });
    expect(luhn).toContain("That card number is not valid");
    expect(luhn).not.toContain("4000056655665557");
    expect(await errors({ expMonth: "10", expYear: "2026" })).toContain("This card has expired");
    expect(await errors({ holderName: "  " })).toContain("Enter the name on the card.");
    expect(await errors({ cvc: "12" })).toContain("security code");
    expect(await listPaymentMethods(viewer, now)).toEqual([]);
  });

  it("accepts a card expiring this month in the account's time zone", async () => {
    const account = await createTestAccount({ timeZone: "America/New_York" });
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const lateNovemberInNewYork = new Date("2026-12-01T03:00:00Z");
    await expect(addPaymentMethod(viewer, card({ expMonth: "11", expYear: "2026" }), {}, lateNovemberInNewYork)).resolves.toBeTruthy();
  });
});

describe("listing cards", () => {
  it("shows expiry badges and the default first, without the processor token", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    const reader = await createTestRole(account, "Reader", ["payments.read"]);
    const readerUser = await createTestUserWithRoles(account, [reader.id]);
    await createTestCard(account, { last4: "1111", expMonth: 11, expYear: 2026 });
    await createTestCard(account, { last4: "2222", expMonth: 10, expYear: 2026 });
    await createTestCard(account, { last4: "3333", expMonth: 1, expYear: 2030, isDefault: true });
    await createTestCard(account, { last4: "4444", removedAt: now });
    const list = await listPaymentMethods(readerUser.viewer, now);
    expect(list.map((c) => [c.last4, c.isDefault, c.expiry.state])).toEqual([
      ["3333", true, "valid"],
      ["1111", false, "expires_soon"],
      ["2222", false, "expired"],
    ]);
    expect(JSON.stringify(list)).not.toContain("tok_");
    await expect(listPaymentMethods(viewer, now)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("default and removal", () => {
  it("moves the default flag and audits each change without card digits", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const first = await addPaymentMethod(viewer, card(), {}, now);
    const second = await addPaymentMethod(viewer, card({ number: "5555555555554444" }), {}, now);
    await setDefaultPaymentMethod(viewer, second.id);
    expect((await listPaymentMethods(viewer, now)).map((c) => [c.id, c.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    await removePaymentMethod(viewer, second.id, {}, now);
    expect((await listPaymentMethods(viewer, now)).map((c) => [c.id, c.isDefault])).toEqual([[first.id, true]]);
    const events = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.accountId, account.account.id)).orderBy(auditEvents.id);
    expect(events.map((e) => e.action).filter((a) => a.startsWith("payment_method."))).toEqual([
      "payment_method.added",
      "payment_method.added",
      "payment_method.default_set",
      "payment_method.removed",
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/\d{4}/);
  });

  it("refuses to remove the last card while an invoice has a balance, and allows it once paid", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_manager"]);
    const only = await addPaymentMethod(viewer, card(), {}, now);
    const invoice = await createTestInvoice(account);
    await expect(removePaymentMethod(viewer, only.id, {}, now)).rejects.toThrow(
      "This is the account's only payment method and there is an open invoice. Add another card before removing this one.",
    );
    expect(await listPaymentMethods(viewer, now)).toHaveLength(1);
    await createTestPayment(account, { amountMinor: invoice.totalMinor, allocations: [{ invoiceId: invoice.id, amountMinor: invoice.totalMinor }] });
    await removePaymentMethod(viewer, only.id, {}, now);
    expect(await listPaymentMethods(viewer, now)).toEqual([]);
    const [kept] = await (await getDb()).select().from(paymentMethods).where(eq(paymentMethods.id, only.id));
    expect(kept.removedAt).toEqual(now);
  });
});

describe("payment method permissions and account scope", () => {
  it("refuses every change to a user with only payments.read", async () => {
    const account = await createTestAccount();
    const reader = await createTestRole(account, "Reader", ["payments.read", "invoices.view"]);
    const { viewer } = await createTestUserWithRoles(account, [reader.id]);
    const existing = await createTestCard(account, { isDefault: false });
    const forbidden = { code: "forbidden" };
    await expect(listPaymentMethods(viewer, now)).resolves.toHaveLength(1);
    await expect(addPaymentMethod(viewer, card(), {}, now)).rejects.toMatchObject(forbidden);
    await expect(setDefaultPaymentMethod(viewer, existing.id)).rejects.toMatchObject(forbidden);
    await expect(removePaymentMethod(viewer, existing.id, {}, now)).rejects.toMatchObject(forbidden);
    const [row] = await (await getDb()).select().from(paymentMethods).where(eq(paymentMethods.id, existing.id));
    expect(row).toMatchObject({ isDefault: false, removedAt: null });
  });

  it("treats another account's card as not found and never lists it", async () => {
    const a = await createTestAccount();
    const b = await createTestAccount();
    const { viewer } = await createTestUser(a, ["billing_manager"]);
    const foreign = await createTestCard(b, { isDefault: true, last4: "9999" });
    await expect(setDefaultPaymentMethod(viewer, foreign.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(removePaymentMethod(viewer, foreign.id, {}, now)).rejects.toMatchObject({ code: "not_found" });
    expect(await listPaymentMethods(viewer, now)).toEqual([]);
    const [row] = await (await getDb()).select().from(paymentMethods).where(eq(paymentMethods.id, foreign.id));
    expect(row).toMatchObject({ isDefault: true, removedAt: null });
  });
});
