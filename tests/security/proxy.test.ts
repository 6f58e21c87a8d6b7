import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { encodeSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/server-action-limit";
import { proxy } from "@/proxy";
import { createTestAccount, createTestUser } from "../support/factories";

function get(url: string, cookie?: string) {
  return proxy(new NextRequest(url, { headers: cookie ? { cookie } : {} }));
}

describe("proxy", () => {
  it("sets a CSP with a fresh nonce on every response, and HSTS only over HTTPS", async () => {
    const plain = await get("http://localhost:3000/sign-in");
    const secure = await get("https://billing.example.com/sign-in");
    expect(plain.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(plain.headers.get("content-security-policy")).not.toBe(secure.headers.get("content-security-policy"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(secure.headers.get("strict-transport-security")).toContain("max-age=63072000");
  });

  it("clears a tampered next-auth callback-url cookie", async () => {
    const response = await get("http://localhost:3000/api/auth/session", "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%3BSELECT%20PG_SLEEP(5)--");
    expect(response.headers.get("set-cookie")).toMatch(/next-auth\.callback-url=;/);
    const fine = await get("http://localhost:3000/api/auth/session", "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2Faccount");
    expect(fine.headers.get("set-cookie")).toBeNull();
  });

  it("sends a next-auth request with an unusable callbackUrl to the same address without it, never through a rewrite", async () => {
    for (const [url, path] of [
      ["http://127.0.0.1:3000/api/auth/signin?callbackUrl=http%3A%2F%2Fx%3Bselect", "/api/auth/signin"],
      ["http://127.0.0.1:3000/api/auth/signin/credentials?callbackUrl=https%3A%2F%2Fevil.example%2F&json=true", "/api/auth/signin/credentials?json=true"],
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(307);
      const location = new URL(response.headers.get("location")!);
      expect(location.pathname + location.search, url).toBe(path);
      // A rewrite to another origin than the server's own is proxied by Next over HTTP, back to this server.
      expect(response.headers.get("x-middleware-rewrite"), url).toBeNull();
    }
    const fine = await get("http://localhost:3000/api/auth/signin?callbackUrl=%2Faccount%2Finvoices");
    expect(fine.headers.get("x-middleware-next")).toBe("1");
  });

  it("redirects to sign-in without a live session, and to the missing-permission page without the permission", async () => {
    const account = await createTestAccount();
    const { user } = await createTestUser(account, ["billing_viewer"]);
    const db = await getDb();
    const session = await createSession(db, { userId: user.id, ip: "unknown", now: new Date() });
    const cookie = `${sessionCookieName()}=${await encodeSessionCookie({ userId: user.id, sessionId: session.id })}`;

    expect((await get("http://localhost:3000/account/invoices", cookie)).headers.get("location")).toBeNull();
    expect((await get("http://localhost:3000/account/users", cookie)).headers.get("location")).toBe("http://localhost:3000/missing-permission?permission=users.manage");
    expect((await get("http://localhost:3000/account/invoices")).headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Faccount%2Finvoices");

    await revokeSession(db, session.id, new Date());
    const replayed = await get("http://localhost:3000/account/invoices?tab=recent", cookie);
    expect(replayed.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Faccount%2Finvoices%3Ftab%3Drecent");
    expect(replayed.headers.get("set-cookie")).toMatch(new RegExp(`${sessionCookieName()}=;`));
  });

  it("lets the probes, the metrics page and the OpenAPI document through without a session (they answer for themselves)", async () => {
    for (const path of ["/api/health", "/api/ready", "/api/metrics", "/api/v1/openapi.json"]) {
      const response = await get(`http://localhost:3000${path}`);
      expect(response.headers.get("location"), path).toBeNull();
      expect(response.status, path).toBe(200);
      // NextResponse.next(): the request goes on to its route handler.
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("answers 413 to a server action whose declared body is over Next's 1 MB limit, and lets smaller ones through", async () => {
    const post = (length: number) =>
      proxy(new NextRequest("http://localhost:3000/account/users", { method: "POST", headers: { "next-action": "abc123", "content-length": String(length) } }));
    expect((await post(SERVER_ACTION_BODY_LIMIT_BYTES + 1)).status).toBe(413);
    expect((await post(1000)).status).not.toBe(413);
  });
});
