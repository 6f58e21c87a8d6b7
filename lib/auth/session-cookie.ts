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

// The session a cookie value names, or null for a missing, forged, expired or malformed one.
export async function readSessionCookie(value: string | undefined): Promise<SessionRef | null> {
  if (!value || value.length > 8192) return null;
  try {
    const token = await decode({ token: value, secret: authSecret() });
    if (!token || typeof token.sub !== "string" || typeof token.sid !== "string") return null;
    return { userId: token.sub, sessionId: token.sid };
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
