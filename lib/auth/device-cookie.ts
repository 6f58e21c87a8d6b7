import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

// A browser that has signed in to an account before carries a signed device cookie for it
// (OWASP "device cookies"): while the account is throttled for everyone else, that browser gets its
// own attempt budget, so strangers guessing the password cannot lock the real user out.
export const DEVICE_COOKIE = "portal-device";
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 86_400;

function sign(payload: string): string {
  return createHmac("sha256", `device-cookie:${authSecret()}`).update(payload).digest("base64url");
}

// A new cookie value for this user on this browser: v1.<device id>.<user id>.<signature>.
export function issueDeviceToken(userId: string): string {
  const payload = `v1.${randomBytes(16).toString("base64url")}.${userId}`;
  return `${payload}.${sign(payload)}`;
}

// The device id when the cookie is genuine and was issued for this user; anything else is null.
export function deviceIdFor(token: string | null | undefined, userId: string): string | null {
  if (!token || token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 4 || parts[0] !== "v1" || parts[2] !== userId) return null;
  const payload = parts.slice(0, 3).join(".");
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return parts[1];
}
