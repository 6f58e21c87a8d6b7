import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { runIdempotent, type IdempotencyClaim, type IngestResult } from "@/lib/ingest/idempotency";
import { createTestApiKey, createTestOperator } from "../support/factories";

// runIdempotent on its own (the routes in ingest-api.test.ts go through it too): what is stored,
// what is replayed, and what is rolled back so that a retry runs again.

async function claimFor(overrides: Partial<IdempotencyClaim> = {}): Promise<IdempotencyClaim> {
  const key = await createTestApiKey(await createTestOperator());
  return { apiKeyId: key.id, key: randomUUID(), endpoint: "POST /api/v1/invoices", requestHash: "hash-1", ...overrides };
}

async function storedKey(claim: IdempotencyClaim) {
  return (await getDb())
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.apiKeyId, claim.apiKeyId), eq(idempotencyKeys.key, claim.key)));
}

// A write inside `execute` that a rolled-back posting must not leave behind.
async function auditMarker(tx: Parameters<Parameters<typeof runIdempotent>[2]>[0], marker: string) {
  await tx.insert(auditEvents).values({ accountId: null, actorLabel: "test", actorKind: "system", action: "test.marker", targetType: "test", targetId: marker });
}

async function markerCount(marker: string) {
  return (await (await getDb()).select().from(auditEvents).where(eq(auditEvents.targetId, marker))).length;
}

const created = (body: unknown): IngestResult => ({ status: 201, body });

describe("runIdempotent", () => {
  it("runs once, stores the result and replays it for the same request", async () => {
    const db = await getDb();
    const claim = await claimFor();
    let runs = 0;
    const execute = async () => created({ run: ++runs });
    expect(await runIdempotent(db, claim, execute)).toEqual({ status: 201, body: { run: 1 }, replayed: false });
    expect(await runIdempotent(db, claim, execute)).toEqual({ status: 201, body: { run: 1 }, replayed: true });
    expect(runs).toBe(1);
    expect(await storedKey(claim)).toEqual([expect.objectContaining({ responseStatus: 201, responseBody: { run: 1 } })]);
  });

  it("refuses the same key for another endpoint even with the same request hash, and for another hash", async () => {
    const db = await getDb();
    const claim = await claimFor();
    await runIdempotent(db, claim, async () => created({ ok: true }));
    await expect(runIdempotent(db, { ...claim, endpoint: "POST /api/v1/payments" }, async () => created({}))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/different request/),
    });
    await expect(runIdempotent(db, { ...claim, requestHash: "hash-2" }, async () => created({}))).rejects.toMatchObject({ code: "conflict" });
  });

  it("stores a business refusal (409/404/422) with its body, keeps nothing the refused posting wrote, and replays it", async () => {
    const db = await getDb();
    const claim = await claimFor();
    const marker = randomUUID();
    const refused = await runIdempotent(db, claim, async (tx) => {
      await auditMarker(tx, marker);
      throw new AppError("conflict", "Invoice X-1 already exists in this account");
    });
    const problem = { type: "about:blank", title: "Conflict", status: 409, detail: "Invoice X-1 already exists in this account", instance: "/api/v1/invoices", code: "conflict" };
    expect(refused).toEqual({ status: 409, body: problem, replayed: false });
    expect(await markerCount(marker)).toBe(0);
    expect(await runIdempotent(db, claim, async () => created({}))).toEqual({ ...refused, replayed: true });
  });

  it("rolls back an unexpected error and an unauthenticated one, key included, so a retry runs again", async () => {
    const db = await getDb();
    for (const thrown of [new Error("connection reset"), new AppError("unauthenticated", "API key revoked")]) {
      const claim = await claimFor();
      const marker = randomUUID();
      await expect(
        runIdempotent(db, claim, async (tx) => {
          await auditMarker(tx, marker);
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      expect(await storedKey(claim)).toEqual([]);
      expect(await markerCount(marker)).toBe(0);
      expect(await runIdempotent(db, claim, async () => created({ retried: true }))).toEqual({ status: 201, body: { retried: true }, replayed: false });
    }
  });

  // Unreachable while the claim and the response are written in one transaction (a concurrent
  // request waits for it on the unique key); this keeps a key claimed without a response, as a
  // claim committed on its own would leave it, from ever being replayed as a response.
  it("answers 409 'still being processed' for a key stored without a response, and does not run", async () => {
    const db = await getDb();
    const claim = await claimFor();
    await db.insert(idempotencyKeys).values(claim);
    let ran = false;
    await expect(
      runIdempotent(db, claim, async () => {
        ran = true;
        return created({});
      }),
    ).rejects.toMatchObject({ code: "conflict", message: "A request with this Idempotency-Key is still being processed; retry shortly" });
    expect(ran).toBe(false);
  });
});
