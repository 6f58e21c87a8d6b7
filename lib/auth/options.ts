import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { authenticate } from "./authenticate";
import { clientIpFrom } from "./client-ip";
import { RATE_LIMITED_ERROR } from "./errors";
import { authSecret } from "./secret";

// Sessions are short-lived JWTs holding only the user id; who the user is and what they may do
// is loaded from the database on every request (lib/access/viewer.ts).
export const SESSION_MAX_AGE_SECONDS = env().SESSION_MAX_AGE_SECONDS;


function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : (value ?? null);
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email ?? "";
        const password = credentials?.password ?? "";
        if (!email || !password || email.length > 320 || password.length > 1024) return null;
        const result = await authenticate(await getDb(), {
          email,
          password,
          ip: clientIpFrom(header(req?.headers, "x-forwarded-for"), header(req?.headers, "x-real-ip")),
          userAgent: header(req?.headers, "user-agent"),
          now: new Date(),
        });
        if (result.ok) return { id: result.userId };
        if (result.reason === "rate_limited") throw new Error(RATE_LIMITED_ERROR);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? "" } };
    },
  },
};
