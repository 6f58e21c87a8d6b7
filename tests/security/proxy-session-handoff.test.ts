import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { SESSION_HANDOFF_HEADER, takeSessionHandoff } from "@/lib/access/session-handoff";
import { encodeSessionCookie, sessionCookieName } from "@/lib/auth/session-cookie";
import { createSession } from "@/lib/auth/sessions";
import { proxy } from "@/proxy";
import { createTestAccount, createTestUser } from "../support/factories";

// NextResponse.next({ request: { headers } }) hands the page its request headers this way.
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

async function signedIn() {
  const account = await createTestAccount();
  const { user, viewer } = await createTestUser(account, ["billing_manager"]);
  const session = await createSession(await getDb(), { userId: user.id, ip: "unknown", now: new Date() });
  const value = await encodeSessionCookie({ userId: user.id, sessionId: session.id });
  return { viewer, value, cookie: `${sessionCookieName()}=${value}` };
}

describe("the proxy hands its session load to the page", () => {
  it("for a page GET: a token the page takes once, with the same cookie, for the viewer the database holds", async () => {
    const { viewer, value, cookie } = await signedIn();
    const response = await proxy(new NextRequest("http://localhost:3000/account/invoices", { headers: { cookie } }));
    const token = forwarded(response, SESSION_HANDOFF_HEADER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(takeSessionHandoff(token, "another-cookie")).toBeUndefined();

    const again = forwarded(await proxy(new NextRequest("http://localhost:3000/account/invoices", { headers: { cookie } })), SESSION_HANDOFF_HEADER);
    expect(takeSessionHandoff(again, value)?.identity).toEqual(viewer);
    expect(takeSessionHandoff(again, value)).toBeUndefined();
  });

  it("replaces a token the client sent, and hands nothing to a POST (a server action runs first) or without a session", async () => {
    const { cookie } = await signedIn();
    const forged = await proxy(new NextRequest("http://localhost:3000/sign-in", { headers: { [SESSION_HANDOFF_HEADER]: "made-up" } }));
    expect(forwarded(forged, SESSION_HANDOFF_HEADER)).toBeNull();
    expect(forged.headers.get("x-middleware-override-headers")?.split(",")).not.toContain(SESSION_HANDOFF_HEADER);

    const post = await proxy(new NextRequest("http://localhost:3000/account/invoices", { method: "POST", headers: { cookie, [SESSION_HANDOFF_HEADER]: "made-up" } }));
    expect(forwarded(post, SESSION_HANDOFF_HEADER)).toBeNull();
    expect(post.headers.get("x-middleware-override-headers")?.split(",")).not.toContain(SESSION_HANDOFF_HEADER);
  });
});
