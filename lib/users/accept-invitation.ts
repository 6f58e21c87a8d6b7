import "server-only";
import { and, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { accounts, users, userTokens } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashToken } from "./invitation-token";
import { setPasswordSchema } from "./user-schemas";

export type InvitationState = { state: "open"; email: string; name: string; accountName: string; expiresAt: Date } | { state: "used" | "expired" | "invalid" };

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// Told only to whoever holds the invitation link (the address's owner), never to the inviter.
const EMAIL_HAS_LOGIN = "This email address already has a portal login, so it cannot accept this invitation. Sign in with it, or ask your administrator to invite another address.";

// What an invitation link leads to. Public: the token itself is the credential, so this reveals
// the invitee's email and account only to whoever holds a valid, unused, unexpired link.
export async function getInvitation(token: string, now: Date): Promise<InvitationState> {
  if (!tokenSchema.safeParse(token).success) return { state: "invalid" };
  const db = await getDb();
  const [row] = await db
    .select({ usedAt: userTokens.usedAt, expiresAt: userTokens.expiresAt, email: users.email, name: users.name, accountName: accounts.name, disabledAt: users.disabledAt })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "invite")));
  if (!row || row.disabledAt) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "open", email: row.email, name: row.name, accountName: row.accountName, expiresAt: row.expiresAt };
}

// Sets the invited user's password and spends the token; afterwards they sign in normally.
// The token is claimed with a conditional update, so a link can never be used twice.
export async function acceptInvitation(token: string, input: { password: unknown; confirm: unknown }, origin: RequestOrigin, now: Date): Promise<{ email: string }> {
  const { password } = parseInput(setPasswordSchema, input);
  const current = await getInvitation(token, now);
  if (current.state !== "open") throw new AppError("conflict", invitationProblem(current.state));
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "invite"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!claimed) throw new AppError("conflict", invitationProblem("used"));
    // The address may have gained a login elsewhere since the invitation (or had one): the
    // unique index on logins' emails refuses the second, and the whole acceptance rolls back.
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, sql`(select email from ${users} where id = ${claimed.userId})`), isNotNull(users.passwordHash)));
    if (taken) throw new AppError("conflict", EMAIL_HAS_LOGIN);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, claimed.userId), isNull(users.passwordHash), isNull(users.disabledAt)))
      .returning({ id: users.id, email: users.email, accountId: users.accountId })
      .catch((error: unknown) => {
        if ((error as { code?: string; cause?: { code?: string } }).code === "23505" || (error as { cause?: { code?: string } }).cause?.code === "23505")
          throw new AppError("conflict", EMAIL_HAS_LOGIN);
        throw error;
      });
    if (!user) throw new AppError("conflict", invitationProblem("used"));
    await recordAuditEvent(tx, {
      accountId: user.accountId,
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "user.invitation_accepted",
      target: { type: "user", id: user.id },
      origin,
    });
    return { email: user.email };
  });
}

export function invitationProblem(state: "used" | "expired" | "invalid"): string {
  if (state === "used") return "This invitation link has already been used. If you set your password, sign in; otherwise ask your administrator for a new invitation.";
  if (state === "expired") return "This invitation link has expired. Ask your account administrator to send a new invitation.";
  return "This invitation link is not valid. Check that you copied the whole link, or ask your administrator for a new invitation.";
}
