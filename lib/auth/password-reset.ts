import "server-only";
import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { and, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users, userTokens } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { appBaseUrl, providerName } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { renderEmail } from "@/lib/notifications/emails/render-email";
import { hashToken } from "@/lib/users/invitation-token";
import { parseInput } from "@/lib/validation";
import { signInThrottleKey } from "./authenticate";
import { PasswordResetEmail } from "./emails/password-reset-email";
import { hashPassword } from "./password";
import { newPasswordSchema } from "./password-policy";
import { hitRateLimit } from "./rate-limit";
import { revokeUserSessions } from "./sessions";
import { clearSignInAttempts } from "./throttle";

// Forgot password (ASVS V6.4): a one-time link by email, stored only as a hash, short-lived.
export const RESET_TTL_MINUTES = 30;
const RESETS_PER_HOUR = 3;

const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email());
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// Sends a reset link when the address belongs to an active login. Note: the caller shows the
// same answer whatever happens here (unknown address, disabled user, too many requests), so the
// form cannot be used to learn who has a login.
export async function requestPasswordReset(emailInput: unknown, origin: RequestOrigin, now: Date): Promise<void> {
  const parsed = emailSchema.safeParse(emailInput);
  if (!parsed.success)
    throw new AppError("invalid", "Enter an email address like name@example.com.", { fieldErrors: { email: ["Enter an email address like name@example.com."] } });
  const email = parsed.data;
  const db = await getDb();
  if (!(await hitRateLimit(db, `password-reset:${email}`, RESETS_PER_HOUR, 3600, now)).allowed) return;
  const [user] = await db
    .select({ id: users.id, accountId: users.accountId, email: users.email })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt), isNotNull(users.passwordHash)));
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  const url = `${appBaseUrl()}/reset-password/${token}`;
  const content = await renderEmail(createElement(PasswordResetEmail, { provider: providerName(), url, minutes: RESET_TTL_MINUTES }));
  await db.transaction(async (tx) => {
    // Only the newest link works.
    await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "password_reset"), isNull(userTokens.usedAt)));
    const [row] = await tx
      .insert(userTokens)
      .values({
        accountId: user.accountId,
        userId: user.id,
        purpose: "password_reset",
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000),
        createdAt: now,
      })
      .returning({ id: userTokens.id });
    await enqueueEmail(tx, {
      accountId: user.accountId,
      userId: user.id,
      to: user.email,
      subject: "Reset your billing portal password",
      ...content,
      idempotencyKey: `password-reset:${row.id}`,
    });
    await recordAuditEvent(tx, {
      accountId: user.accountId,
      actor: { kind: "anonymous", label: user.email },
      action: "auth.password_reset_requested",
      target: { type: "user", id: user.id },
      origin,
    });
  });
}

// Whether a reset link can still be used (the page shows the form or says why not).
export async function isResetTokenOpen(token: string, now: Date): Promise<boolean> {
  if (!tokenSchema.safeParse(token).success) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: userTokens.id })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "password_reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now), isNull(users.disabledAt)),
    );
  return Boolean(row);
}

// Sets the new password, spends the link (a conditional update: it works once), revokes every
// session of the user and clears the sign-in backoff so the owner can sign in at once.
export async function resetPassword(token: string, input: { password: unknown; confirm: unknown }, origin: RequestOrigin, now: Date): Promise<{ email: string }> {
  if (!tokenSchema.safeParse(token).success) throw new AppError("conflict", RESET_LINK_PROBLEM);
  const db = await getDb();
  const [owner] = await db
    .select({ email: users.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "password_reset")));
  const { password } = parseInput(newPasswordSchema(owner?.email), input);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, "password_reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!claimed) throw new AppError("conflict", RESET_LINK_PROBLEM);
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, claimed.userId), isNull(users.disabledAt)))
      .returning({ id: users.id, email: users.email, accountId: users.accountId });
    if (!user) throw new AppError("conflict", RESET_LINK_PROBLEM);
    await revokeUserSessions(tx, user.id, now);
    await clearSignInAttempts(tx, signInThrottleKey(user.email, null));
    await recordAuditEvent(tx, {
      accountId: user.accountId,
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "auth.password_reset",
      target: { type: "user", id: user.id },
      origin,
    });
    return { email: user.email };
  });
}

export const RESET_REQUESTED = `If that address has a login, we have sent it a link to choose a new password. It works for ${RESET_TTL_MINUTES} minutes. Check your inbox and spam folder.`;

export const RESET_LINK_PROBLEM = "This reset link has expired or has already been used. Ask for a new one.";
