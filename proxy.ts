// Runs before every page and route: security headers with a fresh CSP nonce, tampered next-auth
// cookies dropped, and the permission gate. The gate reads the session row and the user's current
// roles in one query (lib/access/load-viewer.ts loadLiveIdentity) and redirects to sign-in or to the
// missing-permission page before a page renders; what it loaded is handed to the page
// (lib/access/session-handoff.ts) so the page does not load it again. Note: it is NOT the security boundary
// (CVE-2025-29927 showed middleware can be skipped): every page resolves the viewer from the
// database again and every lib/ data function checks the account and permission itself.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { loadLiveIdentity } from "@/lib/access/load-viewer";
import { decideRoute, routeRequirement } from "@/lib/access/route-permissions";
import { handOffSession, SESSION_HANDOFF_HEADER } from "@/lib/access/session-handoff";
import { isAcceptableCallbackUrl, malformedCallbackCookies } from "@/lib/auth/auth-cookies";
import { readSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { env, rememberRequestOrigin } from "@/lib/env";
import { proxyArea } from "@/lib/metrics/proxy-area";
import { observeProxy } from "@/lib/metrics/registry";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/security/csp";
import { oversizedServerAction } from "@/lib/security/server-action-limit";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const started = performance.now();
  const origin = request.nextUrl.origin;
  rememberRequestOrigin(origin);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { development: env().NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.delete(SESSION_HANDOFF_HEADER);
  requestHeaders.set("content-security-policy", csp);
  const dropped = malformedCallbackCookies(request.cookies.getAll(), origin);
  if (dropped.length > 0) {
    const kept = request.cookies.getAll().filter((c) => !dropped.includes(c.name));
    requestHeaders.set("cookie", kept.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  }

  const response = oversizedServerAction(request) ?? (await gate(request, requestHeaders)) ?? forward(request, requestHeaders);
  response.headers.set("content-security-policy", csp);
  if (request.nextUrl.protocol === "https:") response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  for (const name of dropped) response.cookies.delete(name);
  observeProxy(proxyArea(request.nextUrl.pathname), (performance.now() - started) / 1000);
  return response;
}

// next-auth answers 500 to a callbackUrl parameter it cannot parse: the client is sent to the same
// address without it (307 keeps a POST's method and body; Next makes the same-host Location
// relative). Note: not a rewrite. request.nextUrl names 127.0.0.1 "localhost", and Next proxies a
// rewrite to another origin than the one it listens on over HTTP: on a server bound to 127.0.0.1
// (behind nginx, in the e2e tests) each such request came back in as a second request.
function forward(request: NextRequest, headers: Headers): NextResponse {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (request.nextUrl.pathname.startsWith("/api/auth/") && callbackUrl !== null && !isAcceptableCallbackUrl(callbackUrl, request.nextUrl.origin)) {
    const url = request.nextUrl.clone();
    url.searchParams.delete("callbackUrl");
    return NextResponse.redirect(url, 307);
  }
  return NextResponse.next({ request: { headers } });
}

async function gate(request: NextRequest, requestHeaders: Headers): Promise<NextResponse | null> {
  const requirement = routeRequirement(request.nextUrl.pathname);
  if (!requirement) return null;
  const cookie = request.cookies.get(sessionCookieName())?.value;
  const ref = await readSessionCookie(cookie);
  const live = ref ? await loadLiveIdentity(await getDb(), ref, new Date()) : null;
  const decision = decideRoute(requirement, live?.session ?? null);
  if (decision.kind === "allow" || decision.kind === "not-found") {
    // operator pages answer 404 themselves. Only a GET (or HEAD) is handed its session: a POST
    // runs a server action first, which may change what the page rendered after it must see.
    const rendersOnly = request.method === "GET" || request.method === "HEAD";
    if (cookie && live && rendersOnly) requestHeaders.set(SESSION_HANDOFF_HEADER, handOffSession(cookie, live));
    return null;
  }
  if (decision.kind === "redirect") return NextResponse.redirect(new URL(decision.to, request.nextUrl.origin));
  const signIn = new URL("/sign-in", request.nextUrl.origin);
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.redirect(signIn);
  // A cookie naming a dead session is cleared, so the browser stops sending it.
  if (ref) response.cookies.delete(sessionCookieName());
  return response;
}

export const config = {
  // Everything but Next's static files: headers belong on every page, route and download.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
