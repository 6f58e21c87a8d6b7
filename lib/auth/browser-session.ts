import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS } from "./device-cookie";
import { encodeSessionCookie, readSessionCookie, sessionCookieName, sessionCookieOptions, secureCookies } from "./session-cookie";
import { revokeSession } from "./sessions";

// Cookies for server actions: the session cookie naming a new session row, and (after a password
// sign-in) the device cookie that lets this browser past the account's backoff next time.
export async function setSessionCookies(session: { userId: string; sessionId: string; expiresAt: Date; deviceToken?: string }): Promise<void> {
  const jar = await cookies();
  jar.set(sessionCookieName(), await encodeSessionCookie(session), sessionCookieOptions(session.expiresAt));
  if (session.deviceToken) await setDeviceCookie(session.deviceToken);
}

export async function setDeviceCookie(token: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS });
}

// Sign-out: revokes this browser's session row (a saved copy of the cookie stops working) and
// deletes the cookie. The device cookie stays: it only helps this browser sign in again.
export async function endBrowserSession(now: Date): Promise<void> {
  const jar = await cookies();
  const ref = await readSessionCookie(jar.get(sessionCookieName())?.value);
  if (ref) await revokeSession(await getDb(), ref.sessionId, now);
  jar.delete(sessionCookieName());
}

export async function deviceTokenFromCookies(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}
