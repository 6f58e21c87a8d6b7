import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import { providerName } from "@/lib/env";
import { bearerSecret, hashApiKeySecret } from "./api-key-secret";

export type ApiClient = { apiKeyId: string; name: string; prefix: string; actor: AuditActor };

// The active API key behind an Authorization header, or null (missing, unknown or revoked).
export async function authenticateApiKey(db: Db, authorization: string | null, now: Date): Promise<ApiClient | null> {
  const secret = bearerSecret(authorization);
  if (!secret) return null;
  const [key] = await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.keyHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.keyPrefix });
  if (!key) return null;
  // Shown in the customer's audit log: the posting came from the provider's billing system.
  return { apiKeyId: key.id, name: key.name, prefix: key.prefix, actor: { kind: "api", label: `${providerName()} billing system (API key ${key.prefix}…)` } };
}
