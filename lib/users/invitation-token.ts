import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userTokens } from "@/db/schema";
import { appBaseUrl } from "@/lib/env";

export const INVITATION_TTL_DAYS = 7;

// Only this hash is stored; the token itself exists in the link alone.
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationUrl(token: string): string {
  return `${appBaseUrl()}/invite/${token}`;
}

// Issues a fresh invitation token (32 random bytes) for a user, revoking any earlier one so
// only the newest link works. Revoked tokens are marked used.
export async function issueInvitation(tx: Db, target: { accountId: string; userId: string }, now: Date) {
  await tx
    .update(userTokens)
    .set({ usedAt: now })
    .where(and(eq(userTokens.userId, target.userId), eq(userTokens.purpose, "invite"), isNull(userTokens.usedAt)));
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const [row] = await tx
    .insert(userTokens)
    .values({ accountId: target.accountId, userId: target.userId, purpose: "invite", tokenHash: hashToken(token), expiresAt, createdAt: now })
    .returning({ id: userTokens.id });
  return { id: row.id, token, url: invitationUrl(token), expiresAt };
}
