import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { noteRequestIdentity } from "@/lib/server/request-context";
import { readSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { loadLiveSession, type LiveSession } from "@/lib/auth/sessions";
import { loadIdentity, type Identity, type Operator, type Viewer } from "./load-viewer";

export type { Identity, Operator, Viewer } from "./load-viewer";

// The live server-side session behind this request's cookie, checked once per request. Note: the
// cookie is decoded here rather than through next-auth's getServerSession, so other next-auth
// cookies a client tampered with (callback-url) cannot turn a page into a 500.
export const getCurrentSession = cache(async (): Promise<LiveSession | null> => {
  const ref = await readSessionCookie((await cookies()).get(sessionCookieName())?.value);
  if (!ref) return null;
  return loadLiveSession(await getDb(), ref, new Date());
});

// The identity behind this request's session cookie, loaded once per request.
export const getIdentity = cache(async (): Promise<Identity | null> => {
  const session = await getCurrentSession();
  if (!session) return null;
  const identity = await loadIdentity(await getDb(), session.userId);
  // The request log line names whose request it was (lib/server/request-log.ts).
  if (identity) noteRequestIdentity({ userId: identity.userId, accountId: identity.kind === "customer" ? identity.accountId : undefined });
  return identity;
});

export async function getViewer(): Promise<Viewer | null> {
  const identity = await getIdentity();
  return identity?.kind === "customer" ? identity : null;
}

export async function getOperator(): Promise<Operator | null> {
  const identity = await getIdentity();
  return identity?.kind === "operator" ? identity : null;
}
