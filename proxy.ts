// Runs before every page and route: security headers with a fresh CSP nonce, tampered next-auth
// cookies dropped, and the permission gate. The gate reads the session row and the user's current
// roles in one query (lib/auth/sessions.ts loadLiveSession) and redirects to sign-in or to the
// missing-permission page before a page renders. Note: it is NOT the security boundary
// (CVE-2025-29927 showed middleware can be skipped): every page resolves the viewer from the
// database again and every lib/ data function checks the account and permission itself.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { decideRoute, routeRequirement } from "@/lib/access/route-permissions";
import { isAcceptableCallbackUrl, malformedCallbackCookies } from "@/lib/auth/auth-cookies";
import { readSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { loadLiveSession } from "@/lib/auth/sessions";
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
  requestHeaders.set("content-security-policy", csp);
  const dropped = malformedCallbackCookies(request.cookies.getAll(), origin);
  if (dropped.length > 0) {
    const kept = request.cookies.getAll().filter((c) => !dropped.includes(c.name));
    requestHeaders.set("cookie", kept.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; "));
  }

  const response = oversizedServerAction(request) ?? (await gate(request)) ?? forward(request, requestHeaders);
  response.headers.set("content-security-policy", csp);
  if (request.nextUrl.protocol === "https:") response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  for (const name of dropped) response.cookies.delete(name);
  observeProxy(proxyArea(request.nextUrl.pathname), (performance.now() - started) / 1000);
  return response;
}

// next-auth answers 500 to a callbackUrl parameter it cannot parse: such a parameter is removed.
function forward(request: NextRequest, headers: Headers): NextResponse {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (request.nextUrl.pathname.startsWith("/api/auth/") && callbackUrl !== null && !isAcceptableCallbackUrl(callbackUrl, request.nextUrl.origin)) {
    const url = request.nextUrl.clone();
    url.searchParams.delete("callbackUrl");
    return NextResponse.rewrite(url, { request: { headers } });
  }
  return NextResponse.next({ request: { headers } });
}

async function gate(request: NextRequest): Promise<NextResponse | null> {
  const requirement = routeRequirement(request.nextUrl.pathname);
  if (!requirement) return null;
  const ref = await readSessionCookie(request.cookies.get(sessionCookieName())?.value);
  const live = ref ? await loadLiveSession(await getDb(), ref, new Date()) : null;
  const decision = decideRoute(requirement, live);
  if (decision.kind === "allow" || decision.kind === "not-found") return null; // operator pages answer 404 themselves
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
