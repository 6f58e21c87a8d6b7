import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { stripControls } from "@/lib/validation";
import { verifyPassword, timingSafeDummyHash } from "./password";
import { clearRateLimit, hitRateLimit, isRateLimited } from "./rate-limit";

export type SignInAttempt = { email: string; password: string; ip: string; userAgent?: string | null; now: Date };
export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

const WINDOW_SECONDS = 15 * 60;
// Failed attempts allowed per window, per email and per client IP (R-P5).
export function signInLimits() {
  return {
    perEmail: Number(process.env.SIGN_IN_LIMIT_PER_EMAIL ?? 5),
    perIp: Number(process.env.SIGN_IN_LIMIT_PER_IP ?? 20),
  };
}

// Checks an email + password. Wrong email, wrong password and disabled user are one
// indistinguishable failure; every outcome is audit-logged.
export async function authenticate(db: Db, attempt: SignInAttempt): Promise<SignInResult> {
  // Note: no address holds control characters, and PostgreSQL refuses a NUL in text (whose error would carry SQL).
  const email = stripControls(attempt.email).trim().toLowerCase();
  const emailKey = `sign-in:email:${email}`;
  const ipKey = `sign-in:ip:${attempt.ip}`;
  const limits = signInLimits();
  const origin = { ip: attempt.ip, userAgent: attempt.userAgent };

  const [user] = await db
    .select({ id: users.id, accountId: users.accountId, passwordHash: users.passwordHash, disabledAt: users.disabledAt, isOperator: users.isOperator })
    .from(users)
    .where(and(eq(users.email, email), isNotNull(users.passwordHash)));
  const actor = user
    ? { kind: user.isOperator ? ("operator" as const) : ("user" as const), userId: user.id, label: email }
    : { kind: "anonymous" as const, label: email };

  if (
    (await isRateLimited(db, emailKey, limits.perEmail, WINDOW_SECONDS, attempt.now)) ||
    (await isRateLimited(db, ipKey, limits.perIp, WINDOW_SECONDS, attempt.now))
  ) {
    await recordAuditEvent(db, { accountId: user?.accountId ?? null, actor, action: "auth.sign_in_throttled", origin });
    return { ok: false, reason: "rate_limited" };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), attempt.password);
  if (!user || !user.passwordHash || user.disabledAt || !passwordOk) {
    await hitRateLimit(db, emailKey, limits.perEmail, WINDOW_SECONDS, attempt.now);
    await hitRateLimit(db, ipKey, limits.perIp, WINDOW_SECONDS, attempt.now);
    await recordAuditEvent(db, { accountId: user?.accountId ?? null, actor, action: "auth.sign_in_failed", origin });
    return { ok: false, reason: "invalid" };
  }

  await clearRateLimit(db, emailKey);
  await recordAuditEvent(db, { accountId: user.accountId, actor, action: "auth.sign_in", origin });
  return { ok: true, userId: user.id };
}
