import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { sessionMaxAgeSeconds } from "@/lib/env";
import { deviceTokenFromCookies, setDeviceCookie } from "./browser-session";
import { rateLimitedError } from "./errors";
import { requestContext } from "./request-context";
import { safeRedirectFromUrl } from "./safe-redirect";
import { secureCookies } from "./session-cookie";
import { loadLiveSession, revokeSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { authSecret } from "./secret";

// next-auth's endpoints (/api/auth/*): the credentials callback, sign-out, session and CSRF. The
// session cookie is a JWT naming a server-side session row (lib/auth/sessions.ts); who the user is
// and what they may do is loaded from the database on every request (lib/access/viewer.ts).
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds(), updateAge: 15 * 60 },
  jwt: { maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const outcome = await signInWithPassword({
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ...requestContext(req?.headers),
          deviceToken: await deviceTokenFromCookies(),
          now: new Date(),
        });
        if (outcome.ok) {
          await setDeviceCookie(outcome.deviceToken);
          return { id: outcome.userId, sessionId: outcome.sessionId };
        }
        if (outcome.reason === "rate_limited") throw new Error(rateLimitedError(outcome.retryAfterSeconds));
        return null;
      },
    }),
  ],
  callbacks: {
    // Note: throwing here makes /api/auth/session answer {} and clear the cookie, so a revoked,
    // idle or expired session is never re-issued with a later expiry.
    async jwt({ token, user }) {
      if (user) return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
      if (typeof token.sub !== "string" || typeof token.sid !== "string") throw new Error("Session cookie without a session");
      const live = await loadLiveSession(await getDb(), { userId: token.sub, sessionId: token.sid }, new Date());
      if (!live) throw new Error("Session is no longer live");
      return { sub: token.sub, sid: token.sid };
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" } };
    },
    // Same-origin paths only, relative so they work on whatever host and port the request came in on.
    redirect({ url, baseUrl }) {
      return safeRedirectFromUrl(url, baseUrl, "/");
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(await getDb(), token.sid, new Date());
    },
  },
};
