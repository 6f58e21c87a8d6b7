import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { signInLimits } from "@/lib/env";
import { deviceIdFor } from "./device-cookie";
import { verifyPassword, timingSafeDummyHash } from "./password";
import { hitRateLimit, releaseRateLimitHit } from "./rate-limit";
import { clearSignInAttempts, reserveSignInAttempt, THROTTLE_WINDOW_SECONDS } from "./throttle";

export type SignInAttempt = {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
  // The browser's device cookie (lib/auth/device-cookie.ts), when it sent one.
  deviceToken?: string | null;
  now: Date;
};
export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  // How long to wait is part of the answer, so the sign-in page can say it.
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// Checks an email + password. Wrong email, wrong password and disabled user are one
// indistinguishable failure; every outcome is audit-logged. Note: each attempt is reserved
// (counted) before the password is checked, so concurrent guesses cannot outrun the limit.
export async function authenticate(db: Db, attempt: SignInAttempt): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  // No address contains control characters; PostgreSQL refuses NUL, so such input never reaches it.
  if (/[\u0000-\u001f\u007f]/.test(email)) return { ok: false, reason: "invalid" };
  const limits = signInLimits();
  const origin = { ip: attempt.ip, userAgent: attempt.userAgent };

  const [user] = await db
    .select({ id: users.id, accountId: users.accountId, passwordHash: users.passwordHash, disabledAt: users.disabledAt, isOperator: users.isOperator })
    .from(users)
    .where(and(eq(users.email, email), isNotNull(users.passwordHash)));
  const actor = user ? { kind: user.isOperator ? ("operator" as const) : ("user" as const), userId: user.id, label: email } : { kind: "anonymous" as const, label: email };

  const accountKey = signInThrottleKey(email, user ? deviceIdFor(attempt.deviceToken, user.id) : null);
  // Per IP only when the address is known: "unknown" is everyone, and one bucket for everyone
  // would let anybody lock everybody out.
  const ipKey = attempt.ip === "unknown" ? null : `sign-in:ip:${attempt.ip}`;
  const reservation = await reserveSignInAttempt(db, accountKey, limits.perAccount, attempt.now);
  const ipHit = reservation.allowed && ipKey ? await hitRateLimit(db, ipKey, limits.perIp, THROTTLE_WINDOW_SECONDS, attempt.now) : null;
  const retryAfterSeconds = !reservation.allowed ? reservation.retryAfterSeconds : ipHit && !ipHit.allowed ? ipHit.retryAfterSeconds : 0;
  if (retryAfterSeconds > 0) {
    await recordAuditEvent(db, { accountId: user?.accountId ?? null, actor, action: "auth.sign_in_throttled", origin });
    return { ok: false, reason: "rate_limited", retryAfterSeconds };
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingSafeDummyHash()), attempt.password);
  if (!user || !user.passwordHash || user.disabledAt || !passwordOk) {
    await recordAuditEvent(db, { accountId: user?.accountId ?? null, actor, action: "auth.sign_in_failed", origin });
    return { ok: false, reason: "invalid" };
  }

  await clearSignInAttempts(db, accountKey);
  if (ipKey) await releaseRateLimitHit(db, ipKey);
  await recordAuditEvent(db, { accountId: user.accountId, actor, action: "auth.sign_in", origin });
  return { ok: true, userId: user.id };
}

// The backoff counter an attempt is charged to: the remembered device's own, else the account's.
export function signInThrottleKey(email: string, deviceId: string | null): string {
  const normalized = email.trim().toLowerCase();
  return deviceId ? `sign-in:device:${deviceId}:${normalized}` : `sign-in:email:${normalized}`;
}
