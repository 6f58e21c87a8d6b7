import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as postInvoiceRoute } from "@/app/api/v1/invoices/route";
import { POST as postPaymentRoute } from "@/app/api/v1/payments/route";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents, idempotencyKeys, invoices, payments } from "@/db/schema";
import { listApiKeys, revokeApiKey } from "@/lib/ingest/api-keys";
import { hashApiKeySecret } from "@/lib/ingest/api-key-secret";
import { AppError } from "@/lib/errors";
import { asForgedOperator, createTestAccount, createTestApiKey, createTestInvoice, createTestOperator, createTestUser } from "../support/factories";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function call(route: (r: Request) => Promise<Response>, body: unknown, headers: Record<string, string>) {
  return route(
    new Request("http://localhost/api/v1/x", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

async function setup() {
  const operator = await createTestOperator();
  const key = await createTestApiKey(operator);
  const account = await createTestAccount();
  const auth = (idempotencyKey: string = randomUUID()) => ({ authorization: `Bearer ${key.secret}`, "idempotency-key": idempotencyKey });
  const invoiceBody = (overrides: Json = {}) => ({
    account: account.account.slug,
    number: `API-${randomUUID().slice(0, 8)}`,
    currency: "USD",
    issueDate: "2026-11-01",
    dueDate: "2026-12-01",
    servicePeriod: { start: "2026-10-01", end: "2026-10-31" },
    taxRateBp: 1000,
    lines: [
      { description: "Compute", quantity: "1", unitPriceMinor: 5 },
      { description: "Storage", quantity: 1, unitPriceMinor: 5 },
      { description: "Backup", quantity: "3.5", unitPriceMinor: 4500, taxRateBp: 0 },
    ],
    ...overrides,
  });
  return { operator, key, account, auth, invoiceBody };
}

async function countInvoices(accountId: string) {
  return (await (await getDb()).select({ id: invoices.id }).from(invoices).where(eq(invoices.accountId, accountId))).length;
}

describe("POST /api/v1/invoices", () => {
  it("posts an invoice with per-line tax rounding and audits it as the provider's billing system", async () => {
    const { auth, invoiceBody, account } = await setup();
    const response = await call(postInvoiceRoute, invoiceBody(), auth());
    expect(response.status).toBe(201);
    const body: Json = await response.json();
    // Two 5¢ lines at 10%: 0.5¢ each, rounded per line to 1¢; the backup line is untaxed.
    expect(body.invoice).toMatchObject({ account: account.account.slug, subtotalMinor: 15_760, taxMinor: 2, totalMinor: 15_762, status: "open", generation: 3, currency: "USD" });
    const [event] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "invoice.posted")));
    expect(event).toMatchObject({ actorKind: "api" });
    expect(event.actorLabel).toMatch(/billing system \(API key bpk_/);
  });

  it("posts the example of docs/ingest-api.md with the documented totals, and pays it", async () => {
    const { auth, account } = await setup();
    const response = await call(
      postInvoiceRoute,
      {
        account: account.account.slug,
        number: "ACME-2001",
        currency: "USD",
        issueDate: "2026-12-01",
        dueDate: "2026-12-31",
        servicePeriod: { start: "2026-11-01", end: "2026-11-30" },
        taxRateBp: 1000,
        lines: [
          { description: "Dedicated server", quantity: 1, unitPriceMinor: 64900 },
          { description: "Managed backup (TB-month)", quantity: "3.5", unitPriceMinor: 4500 },
          { description: "Loyalty discount", quantity: 1, unitPriceMinor: -5000, taxRateBp: 0 },
        ],
      },
      auth(),
    );
    expect(response.status).toBe(201);
    expect(((await response.json()) as Json).invoice).toMatchObject({ subtotalMinor: 75650, taxMinor: 8065, totalMinor: 83715, generation: 3 });
    const payment = await call(
      postPaymentRoute,
      {
        account: account.account.slug,
        receivedOn: "2026-12-02",
        amountMinor: 100000,
        currency: "USD",
        method: "bank_transfer",
        reference: "WIRE 0042",
        allocations: [{ invoiceNumber: "ACME-2001", amountMinor: 83715 }],
      },
      auth(),
    );
    expect(((await payment.json()) as Json).payment).toMatchObject({
      unallocatedMinor: 16285,
      allocations: [{ invoiceNumber: "ACME-2001", amountMinor: 83715, invoiceStatus: "paid", invoiceBalanceMinor: 0 }],
    });
  });

  it("replays the first response for the same key and body without posting again", async () => {
    const { auth, invoiceBody, account } = await setup();
    const headers = auth();
    const body = invoiceBody();
    const first = await call(postInvoiceRoute, body, headers);
    // Same JSON, different key order and formatting: still the same request.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    const second = await call(postInvoiceRoute, reordered, headers);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect(await countInvoices(account.account.id)).toBe(1);
  });

  it("answers 409 when the key is reused with a different body or on the other endpoint", async () => {
    const { auth, invoiceBody, account } = await setup();
    const headers = auth();
    await call(postInvoiceRoute, invoiceBody({ number: "SAME-1" }), headers);
    const changed = await call(postInvoiceRoute, invoiceBody({ number: "SAME-2" }), headers);
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as Json).detail).toMatch(/different request/);
    const otherEndpoint = await call(
      postPaymentRoute,
      { account: account.account.slug, receivedOn: "2026-11-02", amountMinor: 1, currency: "USD", method: "other", reference: "R" },
      headers,
    );
    expect(otherEndpoint.status).toBe(409);
    expect(await countInvoices(account.account.id)).toBe(1);
  });

  it("posts once when two requests with the same key arrive together", async () => {
    const { auth, invoiceBody, account } = await setup();
    const headers = auth();
    const body = invoiceBody();
    const responses = await Promise.all([0, 1, 2].map(() => call(postInvoiceRoute, body, headers)));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as Json).invoice.id));
    expect(new Set(ids).size).toBe(1);
    expect(await countInvoices(account.account.id)).toBe(1);
  });

  it("answers 422 with the path and message of each invalid field, and stores nothing", async () => {
    const { auth, invoiceBody, account } = await setup();
    const headers = auth();
    const response = await call(postInvoiceRoute, invoiceBody({ currency: "usd", lines: [{ description: "A", quantity: "1", unitPriceMinor: 9.99 }] }), headers);
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body: Json = await response.json();
    // `instance` is the path the request was sent to (this file sends every request to /api/v1/x).
    expect(body).toMatchObject({ type: "about:blank", status: 422, code: "invalid", instance: "/api/v1/x" });
    expect(body.issues).toEqual([
      { path: "currency", message: "An ISO 4217 code such as USD" },
      { path: "lines.0.unitPriceMinor", message: "Whole minor units (cents), not a decimal" },
    ]);
    expect(await (await getDb()).select().from(idempotencyKeys).where(eq(idempotencyKeys.key, headers["idempotency-key"]))).toHaveLength(0);
    // The key is still free for the corrected request.
    expect((await call(postInvoiceRoute, invoiceBody(), headers)).status).toBe(201);
    expect(await countInvoices(account.account.id)).toBe(1);
  });

  it("refuses a currency the account is not billed in, an unknown account, and replays those refusals", async () => {
    const { auth, invoiceBody } = await setup();
    const eur = await call(postInvoiceRoute, invoiceBody({ currency: "EUR" }), auth());
    expect(eur.status).toBe(422);
    expect(((await eur.json()) as Json).issues[0]).toMatchObject({ path: "currency" });
    const headers = auth();
    const nowhere = invoiceBody({ account: "no-such-account" });
    const unknown = await call(postInvoiceRoute, nowhere, headers);
    expect(unknown.status).toBe(404);
    const again = await call(postInvoiceRoute, nowhere, headers);
    expect(again.status).toBe(404);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // The stored refusal is replayed as the same problem details, with their media type.
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await again.json()).toEqual(await unknown.json());
  });

  it("answers 409 for a duplicate invoice number under a new key", async () => {
    const { auth, invoiceBody } = await setup();
    expect((await call(postInvoiceRoute, invoiceBody({ number: "DUP-9" }), auth())).status).toBe(201);
    const duplicate = await call(postInvoiceRoute, invoiceBody({ number: "DUP-9" }), auth());
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as Json).detail).toMatch(/already exists/);
  });

  it("requires an Idempotency-Key and a JSON body (400)", async () => {
    const { key, invoiceBody } = await setup();
    const missing = await call(postInvoiceRoute, invoiceBody(), { authorization: `Bearer ${key.secret}` });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Json).detail).toMatch(/Idempotency-Key/);
    const notJson = await call(postInvoiceRoute, "{nope", { authorization: `Bearer ${key.secret}`, "idempotency-key": "k1" });
    expect(notJson.status).toBe(400);
  });
});

describe("API keys", () => {
  it("answers 401 for a missing, malformed, unknown or revoked key, and posts nothing", async () => {
    const { operator, key, invoiceBody, account } = await setup();
    for (const authorization of [undefined, "Basic abc", `Bearer ${key.secret}x`, "Bearer "]) {
      const headers: Record<string, string> = { "idempotency-key": randomUUID() };
      if (authorization) headers.authorization = authorization;
      const response = await call(postInvoiceRoute, invoiceBody(), headers);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    await revokeApiKey(operator, key.id, new Date());
    const revoked = await call(postInvoiceRoute, invoiceBody(), { authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() });
    expect(revoked.status).toBe(401);
    const paymentAttempt = await call(postPaymentRoute, {}, { authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() });
    expect(paymentAttempt.status).toBe(401);
    expect(await countInvoices(account.account.id)).toBe(0);
  });

  it("stores only the SHA-256 of a key, shows its prefix, and records when it was used", async () => {
    const { operator, key, auth, invoiceBody } = await setup();
    const [row] = await (await getDb()).select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row.keyHash).toBe(hashApiKeySecret(key.secret));
    expect(JSON.stringify(row)).not.toContain(key.secret);
    expect(key.secret.startsWith(row.keyPrefix)).toBe(true);
    await call(postInvoiceRoute, invoiceBody(), auth());
    const listed = (await listApiKeys(operator)).find((k) => k.id === key.id)!;
    expect(listed).toMatchObject({ keyPrefix: row.keyPrefix, revokedAt: null });
    expect(listed.lastUsedAt).toBeInstanceOf(Date);
    expect(Object.keys(listed)).not.toContain("keyHash");
  });

  it("only operators can list, create or revoke keys", async () => {
    const { key } = await setup();
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account);
    const { createApiKey } = await import("@/lib/ingest/api-keys");
    for (const attempt of [
      () => listApiKeys(asForgedOperator(viewer)),
      () => createApiKey(asForgedOperator(viewer), { name: "mine" }),
      () => revokeApiKey(asForgedOperator(viewer), key.id, new Date()),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(AppError);
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
  });
});

describe("POST /api/v1/payments", () => {
  it("allocates oldest first when no allocations are given, and replays", async () => {
    const { auth, account } = await setup();
    const older = await createTestInvoice(account, { number: "P-1", dueDate: "2026-10-10" });
    const newer = await createTestInvoice(account, { number: "P-2", dueDate: "2026-10-20" });
    const headers = auth();
    const body = { account: account.account.slug, receivedOn: "2026-11-02", amountMinor: 12_500, currency: "USD", method: "bank_transfer", reference: "WIRE-88" };
    const response = await call(postPaymentRoute, body, headers);
    expect(response.status).toBe(201);
    const json: Json = await response.json();
    expect(json.payment.allocations).toEqual([
      { invoiceNumber: "P-1", amountMinor: 10_000, invoiceStatus: "paid", invoiceBalanceMinor: 0 },
      { invoiceNumber: "P-2", amountMinor: 2_500, invoiceStatus: "open", invoiceBalanceMinor: 7_500 },
    ]);
    expect(json.payment.unallocatedMinor).toBe(0);
    expect((await call(postPaymentRoute, body, headers)).headers.get("idempotent-replayed")).toBe("true");
    const rows = await (await getDb()).select().from(payments).where(eq(payments.accountId, account.account.id));
    expect(rows).toHaveLength(1);
    const settled = await (await getDb()).select({ id: invoices.id, status: invoices.status }).from(invoices).where(eq(invoices.accountId, account.account.id));
    expect(settled.find((i) => i.id === older.id)?.status).toBe("paid");
    expect(settled.find((i) => i.id === newer.id)?.status).toBe("open");
  });

  it("takes explicit allocations by invoice number and refuses unknown numbers and over-payment", async () => {
    const { auth, account } = await setup();
    await createTestInvoice(account, { number: "Q-1" });
    const base = { account: account.account.slug, receivedOn: "2026-11-02", currency: "USD", method: "card", reference: "CARD-1" };
    const unknown = await call(postPaymentRoute, { ...base, amountMinor: 100, allocations: [{ invoiceNumber: "Q-404", amountMinor: 100 }] }, auth());
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Json).issues).toEqual([{ path: "allocations.0.invoiceNumber", message: `No invoice Q-404 in account "${account.account.slug}"` }]);
    const over = await call(postPaymentRoute, { ...base, amountMinor: 20_000, allocations: [{ invoiceNumber: "Q-1", amountMinor: 20_000 }] }, auth());
    expect(over.status).toBe(409);
    const ok = await call(postPaymentRoute, { ...base, amountMinor: 10_000, allocations: [{ invoiceNumber: "Q-1", amountMinor: 10_000 }] }, auth());
    expect(((await ok.json()) as Json).payment.allocations[0]).toMatchObject({ invoiceNumber: "Q-1", invoiceStatus: "paid" });
  });

  it("cannot allocate to an invoice of another account", async () => {
    const { auth, account } = await setup();
    const other = await createTestAccount();
    await createTestInvoice(other, { number: "THEIRS-1" });
    const response = await call(
      postPaymentRoute,
      {
        account: account.account.slug,
        receivedOn: "2026-11-02",
        amountMinor: 100,
        currency: "USD",
        method: "card",
        reference: "C",
        allocations: [{ invoiceNumber: "THEIRS-1", amountMinor: 100 }],
      },
      auth(),
    );
    expect(response.status).toBe(422);
    const [theirs] = await (await getDb()).select().from(invoices).where(eq(invoices.accountId, other.account.id));
    expect(theirs.paidMinor).toBe(0);
  });
});
