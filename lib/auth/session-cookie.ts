import "server-only";
import { decode, encode } from "next-auth/jwt";
import { env, sessionMaxAgeSeconds } from "@/lib/env";
import { authSecret } from "./secret";

// The session cookie is next-auth's JWT, holding only the user id (sub) and the session row's id
// (sid). Both the next-auth endpoints and the portal's own sign-in form write it.
export type SessionRef = { userId: string; sessionId: string };

// next-auth's naming: the __Secure- prefix when the portal is served over HTTPS.
export function secureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

// Decrypting the cookie derives its key (HKDF) on every call, a visible share of a page request's
// CPU time; a browser sends the same cookie value on every request, so the result is kept per
// value until the token's own expiry (exp), in a small map that forgets the oldest first.
const DECODED_MAX = 1000;
const decoded = new Map<string, { ref: SessionRef; expiresAtMs: number }>();

// The session a cookie value names, or null for a missing, forged, expired or malformed one.
export async function readSessionCookie(value: string | undefined): Promise<SessionRef | null> {
  if (!value || value.length > 8192) return null;
  const secret = authSecret();
  // Keyed by the secret too: a value decrypted under another secret (tests change it) is not valid.
  const key = `${secret}\n${value}`;
  const known = decoded.get(key);
  if (known && Date.now() < known.expiresAtMs) return known.ref;
  if (known) decoded.delete(key);
  try {
    const token = await decode({ token: value, secret });
    if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
    const ref = { userId: token.sub, sessionId: token.sid };
    if (typeof token.exp === "number") {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(key, { ref, expiresAtMs: token.exp * 1000 });
    }
    return ref;
  } catch {
    return null;
  }
}

export function encodeSessionCookie(ref: SessionRef): Promise<string> {
  return encode({ token: { sub: ref.userId, sid: ref.sessionId }, secret: authSecret(), maxAge: sessionMaxAgeSeconds() });
}

export function sessionCookieOptions(expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies(), expires };
}
