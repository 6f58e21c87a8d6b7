import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { appErrorBody } from "@/lib/http/error-response";

export type IngestResult = { status: number; body: unknown };

export type IdempotencyClaim = { apiKeyId: string; key: string; endpoint: string; requestHash: string };

// Runs `execute` at most once per (API key, Idempotency-Key) and replays its stored result after.
//
// Note: the key row is inserted in the same transaction as the posting. A concurrent request with
// the same key blocks on the unique index until this transaction ends; if it commits, the other
// sees the stored response and replays it; if it rolls back, the other proceeds. So two
// simultaneous requests post once, on real PostgreSQL as well as on the embedded one.
// Outcomes of the business rules (201, and 404/409/422 raised while posting) are stored and replayed;
// unexpected errors roll everything back so a retry runs again.
export async function runIdempotent(db: Database, claim: IdempotencyClaim, execute: (tx: Db) => Promise<IngestResult>): Promise<IngestResult & { replayed: boolean }> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values(claim)
      .onConflictDoNothing({ target: [idempotencyKeys.apiKeyId, idempotencyKeys.key] })
      .returning({ id: idempotencyKeys.id });

    if (!claimed) {
      const [stored] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.apiKeyId, claim.apiKeyId), eq(idempotencyKeys.key, claim.key)));
      if (!stored || stored.responseStatus === null) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry shortly");
      if (stored.endpoint !== claim.endpoint || stored.requestHash !== claim.requestHash) {
        throw new AppError("conflict", "This Idempotency-Key was already used for a different request; use a new key for a new request");
      }
      return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
    }

    let result: IngestResult;
    try {
      // A savepoint: a refused posting leaves nothing behind but the stored refusal.
      result = await tx.transaction((inner) => execute(inner));
    } catch (error) {
      if (!isAppError(error) || error.code === "unauthenticated") throw error;
      result = { status: error.status, body: appErrorBody(error, claim.endpoint.split(" ").pop()) };
    }
    await tx.update(idempotencyKeys).set({ responseStatus: result.status, responseBody: result.body }).where(eq(idempotencyKeys.id, claimed.id));
    return { ...result, replayed: false };
  });
}
