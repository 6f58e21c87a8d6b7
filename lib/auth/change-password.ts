import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hashPassword, verifyPassword } from "./password";
import { newPasswordSchema } from "./password-policy";
import { createSession, revokeUserSessions } from "./sessions";
import { reserveSignInAttempt, clearSignInAttempts } from "./throttle";

const CURRENT_PASSWORD_ATTEMPTS = 5;

// Settings > Security: a signed-in user changes their password, proving the current one. Every
// session of theirs is revoked (a thief's copy of a cookie stops working) and this browser gets a
// fresh one, returned so the caller can set its cookie. Guessing the current password through a
// stolen session is throttled like sign-in.
export async function changePassword(
  who: { userId: string; email: string },
  input: { currentPassword: unknown; password: unknown; confirm: unknown },
  origin: Required<RequestOrigin> & { ip: string },
  now: Date,
): Promise<{ userId: string; sessionId: string; expiresAt: Date }> {
  const { password } = parseInput(newPasswordSchema(who.email), { password: input.password, confirm: input.confirm });
  const current = typeof input.currentPassword === "string" ? input.currentPassword.slice(0, 1024) : "";
  const db = await getDb();
  const throttleKey = `change-password:${who.userId}`;
  const reservation = await reserveSignInAttempt(db, throttleKey, CURRENT_PASSWORD_ATTEMPTS, now);
  if (!reservation.allowed) {
    throw new AppError("rate_limited", `Too many attempts. Wait ${Math.ceil(reservation.retryAfterSeconds / 60)} minutes and try again.`, reservation);
  }
  const [user] = await db.select({ passwordHash: users.passwordHash, accountId: users.accountId }).from(users).where(eq(users.id, who.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError("invalid", "Check the highlighted fields.", { fieldErrors: { currentPassword: ["That is not your current password."] } });
  }
  if (await verifyPassword(user.passwordHash, password)) {
    throw new AppError("invalid", "Check the highlighted fields.", { fieldErrors: { password: ["Choose a password different from the current one."] } });
  }
  const passwordHash = await hashPassword(password);
  await clearSignInAttempts(db, throttleKey);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, who.userId));
    await revokeUserSessions(tx, who.userId, now);
    const session = await createSession(tx, { userId: who.userId, ip: origin.ip, userAgent: origin.userAgent, now });
    await recordAuditEvent(tx, { accountId: user.accountId, actor: { kind: "user", userId: who.userId, label: who.email }, action: "auth.password_changed", origin });
    return { userId: who.userId, sessionId: session.id, expiresAt: session.expiresAt };
  });
}
