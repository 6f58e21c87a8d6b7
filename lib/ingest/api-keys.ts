import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { requireOperator } from "@/lib/access/guards";
import type { Operator } from "@/lib/access/load-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { operatorActor } from "@/lib/operator/operator-actor";
import { parseId, parseInput, textSchema } from "@/lib/validation";
import { generateApiKeySecret } from "./api-key-secret";

export const apiKeyNameSchema = z.object({ name: textSchema({ min: 2, minMessage: "Name the key (at least 2 characters)", max: 80, maxMessage: "At most 80 characters" }) });

// Note: operator-only; keys are provider-wide (they can post into any account).
export async function listApiKeys(operator: Operator) {
  requireOperator(operator);
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      keyPrefix: apiKeys.keyPrefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .orderBy(desc(apiKeys.createdAt));
}

// Creates a key and returns its secret this once; afterwards only the prefix is shown.
export async function createApiKey(operator: Operator, raw: unknown): Promise<{ id: string; name: string; secret: string }> {
  requireOperator(operator);
  const { name } = parseInput(apiKeyNameSchema, raw);
  const { secret, prefix, hash } = generateApiKeySecret();
  const db = await getDb();
  const key = await db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({ name, keyPrefix: prefix, keyHash: hash, createdByUserId: operator.userId }).returning({ id: apiKeys.id, name: apiKeys.name });
    await recordAuditEvent(tx, {
      accountId: null,
      actor: operatorActor(operator),
      action: "api_key.created",
      target: { type: "api_key", id: row.id },
      details: { name: row.name, prefix },
    });
    return row;
  });
  return { ...key, secret };
}

export async function revokeApiKey(operator: Operator, keyId: string, now: Date) {
  requireOperator(operator);
  const id = parseId(keyId, "API key not found");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, keyPrefix: apiKeys.keyPrefix });
    if (!row) throw new AppError("not_found", "No active API key with this id");
    await recordAuditEvent(tx, {
      accountId: null,
      actor: operatorActor(operator),
      action: "api_key.revoked",
      target: { type: "api_key", id: row.id },
      details: { name: row.name, prefix: row.keyPrefix },
    });
  });
}
