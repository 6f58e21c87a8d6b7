import "server-only";
import { randomBytes } from "node:crypto";
import type { LiveIdentity } from "./load-viewer";

// The proxy already loads the live session and identity of every gated request (one statement,
// lib/access/load-viewer.ts loadLiveIdentity); the page would load the same row again moments
// later. The proxy leaves its result here under a random token in a request header, and the
// page's getIdentity takes it once. Note: this is not trust in a header. A request that skipped
// the proxy (CVE-2025-29927) carries whatever token it likes, but only tokens this process made
// are found, each once, and only together with the very session cookie it was loaded for;
// anything else is looked up in the database as before.

export const SESSION_HANDOFF_HEADER = "x-session-handoff";

// Results nobody took (a request that failed before rendering) are dropped after this long.
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Entry = { cookie: string; at: number; live: LiveIdentity | null };

// One map per process, on globalThis: the proxy and the pages are bundled separately.
const store = ((globalThis as { __billingSessionHandoff?: Map<string, Entry> }).__billingSessionHandoff ??= new Map());

export function handOffSession(cookie: string, live: LiveIdentity | null): string {
  const now = Date.now();
  // Insertion order is age order: expired entries are at the front.
  for (const [token, entry] of store) {
    if (now - entry.at < TTL_MS && store.size < MAX_ENTRIES) break;
    store.delete(token);
  }
  const token = randomBytes(16).toString("base64url");
  store.set(token, { cookie, at: now, live });
  return token;
}

// The proxy's result for this request's session cookie, or undefined when there is none to take.
export function takeSessionHandoff(token: string | null, cookie: string | undefined): LiveIdentity | null | undefined {
  if (!token || !cookie) return undefined;
  const entry = store.get(token);
  if (!entry) return undefined;
  store.delete(token);
  if (entry.cookie !== cookie || Date.now() - entry.at >= TTL_MS) return undefined;
  return entry.live;
}
