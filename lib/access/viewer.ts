import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { noteRequestIdentity } from "@/lib/server/request-context";
import { readSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import type { LiveSession } from "@/lib/auth/sessions";
import { loadLiveIdentity, type Identity, type LiveIdentity, type Operator, type Viewer } from "./load-viewer";
import { SESSION_HANDOFF_HEADER, takeSessionHandoff } from "./session-handoff";

export type { Identity, Operator, Viewer } from "./load-viewer";

// The live server-side session behind this request's cookie and its user, checked once per
// request: what the proxy loaded for this very cookie moments ago (session-handoff.ts), or one
// statement. Note: the cookie is decoded here rather than through next-auth's getServerSession,
// so other next-auth cookies a client tampered with (callback-url) cannot turn a page into a 500.
const getLiveIdentity = cache(async (): Promise<LiveIdentity | null> => {
  const cookie = (await cookies()).get(sessionCookieName())?.value;
  const handedOver = takeSessionHandoff((await headers()).get(SESSION_HANDOFF_HEADER), cookie);
  if (handedOver !== undefined) return handedOver;
  const ref = await readSessionCookie(cookie);
  if (!ref) return null;
  return loadLiveIdentity(await getDb(), ref, new Date());
});

export const getCurrentSession = cache(async (): Promise<LiveSession | null> => (await getLiveIdentity())?.session ?? null);

// The identity behind this request's session cookie, loaded once per request.
export const getIdentity = cache(async (): Promise<Identity | null> => {
  const identity = (await getLiveIdentity())?.identity ?? null;
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
