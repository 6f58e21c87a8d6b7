import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, notificationPreferences } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { acquireExportSlot } from "@/lib/exports/export-limit";
import { logger } from "@/lib/log";
import { createTestAccount, createTestInvoice, createTestUser, type TestAccount } from "../support/factories";

// The session is the only thing stood in for: whoever `session.viewer` is "signed in" for the
// real route handlers, which then run against the real database.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/access/viewer", () => ({ getViewer: async () => session.viewer }));

const { GET: invoiceCsv } = await import("@/app/(portal)/account/invoices/[id]/csv/route");
const { GET: listExport } = await import("@/app/(portal)/account/invoices/export/route");
const { GET: auditExport } = await import("@/app/(portal)/account/audit-log/export/route");
const { PUT: putPreferences, POST: postPreferences } = await import("@/app/api/notification-preferences/route");
const { POST: cronReminders } = await import("@/app/api/cron/reminders/route");
const { withViewer } = await import("@/lib/http/route");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = "http://localhost:3000";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

let account: TestAccount;
let manager: Viewer;

beforeAll(async () => {
  account = await createTestAccount({ slug: "wrapped" });
  manager = (await createTestUser(account, ["billing_manager"])).viewer;
});

afterEach(() => {
  session.viewer = null;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("route wrapper: one caller, one error body", () => {
  it("answers 401 with the error body (RFC 9457 problem details) when nobody is signed in, on every portal route", async () => {
    const invoice = await createTestInvoice(account);
    for (const [path, response] of [
      [`/account/invoices/${invoice.id}/csv`, await invoiceCsv(get(`/account/invoices/${invoice.id}/csv`), params({ id: invoice.id }))],
      ["/account/invoices/export", await listExport(get("/account/invoices/export?tab=open&scope=all"))],
      ["/account/audit-log/export", await auditExport(get("/account/audit-log/export"))],
      [
        "/api/notification-preferences",
        await putPreferences(new Request(`${BASE}/api/notification-preferences`, { method: "PUT", headers: { "sec-fetch-site": "same-origin" }, body: "{}" })),
      ],
    ] as const) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toEqual({ type: "about:blank", title: "Unauthorized", status: 401, detail: "Sign in to continue.", instance: path, code: "unauthenticated" });
    }
  });

  it("answers 404 for another account's invoice and for a malformed id, without saying which", async () => {
    const other = await createTestAccount();
    const foreign = await createTestInvoice(other);
    session.viewer = manager;
    const bodies = [];
    for (const id of [foreign.id, "not-a-uuid", randomUUID()]) {
      const response = await invoiceCsv(get(`/account/invoices/${id}/csv`), params({ id }));
      expect(response.status).toBe(404);
      bodies.push(await response.json());
    }
    expect(bodies[0]).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "Invoice not found",
      instance: `/account/invoices/${foreign.id}/csv`,
      code: "not_found",
    });
    // Apart from the path asked for, the three answers are the same.
    expect(new Set(bodies.map((b) => JSON.stringify({ ...b, instance: undefined }))).size).toBe(1);
  });

  it("answers 422 with one issue per bad field", async () => {
    session.viewer = manager;
    const response = await listExport(get("/account/invoices/export?tab=overdue&scope=some"));
    expect(response.status).toBe(422);
    const body: Json = await response.json();
    expect(body).toMatchObject({ status: 422, code: "invalid", detail: "Choose a tab (open, recent, payments) and a scope (all, current, filtered)." });
    expect(body.issues.map((i: Json) => i.path)).toEqual(["tab", "scope"]);
    for (const issue of body.issues) expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });

    const put = await putPreferences(
      new Request(`${BASE}/api/notification-preferences`, {
        method: "PUT",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ alert: "yes", email: false }),
      }),
    );
    expect(put.status).toBe(422);
    expect(await put.json()).toMatchObject({ code: "invalid", detail: "Alert and Email must each be true or false", issues: [{ path: "alert" }] });
  });

  it("answers 429 with Retry-After when the user's export slots are taken, and writes nothing", async () => {
    const viewer = (await createTestUser(account, ["billing_manager"])).viewer;
    await acquireExportSlot(viewer, new Date());
    await acquireExportSlot(viewer, new Date());
    session.viewer = viewer;
    const response = await listExport(get("/account/invoices/export?tab=open&scope=all"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 5 });
    const exported = await (await getDb()).select().from(auditEvents).where(eq(auditEvents.actorUserId, viewer.userId));
    expect(exported).toEqual([]);
  });

  it("sends a browser whose export is refused to the refusal page; API clients keep the JSON (issue 13 item 3)", async () => {
    const browser = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", "sec-fetch-site": "same-origin" };
    const viewer = (await createTestUser(account, ["billing_manager"])).viewer;
    await acquireExportSlot(viewer, new Date());
    await acquireExportSlot(viewer, new Date());
    session.viewer = viewer;

    const limited = await listExport(get("/account/invoices/export?tab=open&scope=all", browser));
    expect(limited.status).toBe(303);
    expect(limited.headers.get("location")).toBe("/account/export-refused?reason=rate_limited&from=invoices&retryAfter=5");
    // fetch() from a page and API clients (no text/html) get the 429 body and Retry-After as before.
    const apiCallers: Record<string, string>[] = [{ accept: "application/json" }, { ...browser, "sec-fetch-dest": "empty" }, {}];
    for (const headers of apiCallers) {
      const api = await listExport(get("/account/invoices/export?tab=open&scope=all", headers));
      expect(api.status).toBe(429);
      expect(api.headers.get("retry-after")).toBe("5");
      expect(await api.json()).toMatchObject({ status: 429, code: "rate_limited" });
    }

    // 403 (no users.manage for the audit log) and 422 (a tab that does not exist), each back to its own page.
    session.viewer = manager;
    const forbidden = await auditExport(get("/account/audit-log/export", browser));
    expect([forbidden.status, forbidden.headers.get("location")]).toEqual([303, "/account/export-refused?reason=forbidden&from=audit-log"]);
    expect((await auditExport(get("/account/audit-log/export", { accept: "application/json" }))).status).toBe(403);
    const invalid = await listExport(get("/account/invoices/export?tab=bogus&scope=all", browser));
    expect([invalid.status, invalid.headers.get("location")]).toEqual([303, "/account/export-refused?reason=invalid&from=invoices"]);
    expect((await listExport(get("/account/invoices/export?tab=bogus&scope=all"))).status).toBe(422);
    // A link on another site is refused with the bare 403, never answered with a portal page.
    expect((await listExport(get("/account/invoices/export?tab=open&scope=all", { ...browser, "sec-fetch-site": "cross-site" }))).status).toBe(403);
    // Signed out stays a 401 (the refusal page itself needs a session).
    session.viewer = null;
    expect((await listExport(get("/account/invoices/export?tab=open&scope=all", browser))).status).toBe(401);
  });

  it("answers 403 to a cross-site change before looking at the session", async () => {
    session.viewer = manager;
    const response = await putPreferences(
      new Request(`${BASE}/api/notification-preferences`, { method: "PUT", headers: { "sec-fetch-site": "cross-site" }, body: JSON.stringify({ alert: true, email: true }) }),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ status: 403, code: "forbidden" });
    expect(await (await getDb()).select().from(notificationPreferences).where(eq(notificationPreferences.userId, manager.userId))).toEqual([]);
  });

  it("audits with the origin taken from the request once", async () => {
    const invoice = await createTestInvoice(account);
    session.viewer = manager;
    // Behind one trusted proxy, which appended the client's address.
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    const response = await invoiceCsv(get(`/account/invoices/${invoice.id}/csv`, { "x-forwarded-for": "203.0.113.50", "user-agent": "wrapper-test" }), params({ id: invoice.id }));
    expect(response.status).toBe(200);
    await response.text();
    const [event] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, invoice.id), eq(auditEvents.action, "invoice.exported")));
    expect(event).toMatchObject({ ip: "203.0.113.50", userAgent: "wrapper-test" });
  });

  it("keeps the browser form's redirects: signed out to sign-in, bad input back to the page", async () => {
    const form = (body: string) =>
      new Request(`${BASE}/api/notification-preferences`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    const signedOut = await postPreferences(form("alert=on"));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe(`${BASE}/sign-in?callbackUrl=/settings/notifications`);
    session.viewer = manager;
    const bad = await postPreferences(form("alert=maybe"));
    expect(bad.headers.get("location")).toBe(`${BASE}/settings/notifications?error=invalid`);
    const saved = await postPreferences(form("alert=on&email=on"));
    expect(saved.headers.get("location")).toBe(`${BASE}/settings/notifications?saved=me`);
  });

  it("hides an unexpected error behind a generic 500 whose digest is in the log", async () => {
    const logged = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    session.viewer = manager;
    const broken = withViewer(async () => {
      throw new Error("connection refused at 10.0.0.1");
    });
    const response = await broken(get("/anything"));
    expect(response.status).toBe(500);
    const body: Json = await response.json();
    expect(body).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "Something went wrong. Please try again.",
      instance: "/anything",
      code: "internal",
      digest: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(JSON.stringify(body)).not.toContain("10.0.0.1");
    // The log line carries the same digest and the real error (lib/log.ts).
    expect(logged.mock.calls[0][0]).toMatchObject({ digest: body.digest, err: { message: "connection refused at 10.0.0.1" } });
  });

  it("cron routes: 404 without a configured secret, 401 with a wrong one", async () => {
    const saved = process.env.CRON_SECRET;
    try {
      delete process.env.CRON_SECRET;
      const missing = await cronReminders(new Request(`${BASE}/api/cron/reminders`, { method: "POST", headers: { authorization: "Bearer x" } }));
      expect(missing.status).toBe(404);
      process.env.CRON_SECRET = "the-cron-secret";
      const wrong = await cronReminders(new Request(`${BASE}/api/cron/reminders`, { method: "POST", headers: { authorization: "Bearer nope" } }));
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({
        type: "about:blank",
        title: "Unauthorized",
        status: 401,
        detail: "A valid cron secret is required",
        instance: "/api/cron/reminders",
        code: "unauthenticated",
      });
    } finally {
      if (saved === undefined) delete process.env.CRON_SECRET;
      else process.env.CRON_SECRET = saved;
    }
  });
});
