import "server-only";
import { getDb } from "@/db/client";
import { countSignInFailure } from "@/lib/metrics/registry";
import { authenticate, type SignInAttempt } from "./authenticate";
import { issueDeviceToken } from "./device-cookie";
import { createSession } from "./sessions";

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string; expiresAt: Date; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

// Signs in with email + password and opens a server-side session: what both the sign-in form
// and next-auth's credentials endpoint call. The caller sets the session and device cookies.
// Every refusal (wrong password, throttled) is counted for the metrics page.
export async function signInWithPassword(attempt: SignInAttempt): Promise<SignInOutcome> {
  const result = await checkPassword(attempt);
  if (!result.ok) {
    countSignInFailure(result.reason);
    return result;
  }
  const db = await getDb();
  const session = await createSession(db, { userId: result.userId, ip: attempt.ip, userAgent: attempt.userAgent, now: attempt.now });
  return { ok: true, userId: result.userId, sessionId: session.id, expiresAt: session.expiresAt, deviceToken: issueDeviceToken(result.userId) };
}

// The password check and throttle; input no real account could match is refused before the database is asked.
async function checkPassword(attempt: SignInAttempt) {
  if (!attempt.email || !attempt.password || attempt.email.length > 320 || attempt.password.length > 1024) return { ok: false, reason: "invalid" } as const;
  return authenticate(await getDb(), attempt);
}

// What the sign-in page says for a failed attempt (the same with and without JavaScript).
export function signInErrorMessage(outcome: { reason: "invalid" } | { reason: "rate_limited"; retryAfterSeconds?: number }): string {
  if (outcome.reason === "invalid") return "That email and password don't match an active account.";
  const minutes = Math.max(1, Math.ceil((outcome.retryAfterSeconds ?? 15 * 60) / 60));
  return `Too many sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
