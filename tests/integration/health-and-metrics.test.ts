import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getConnection } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import type { Viewer } from "@/lib/access/load-viewer";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { logger } from "@/lib/log";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";
import { createTestAccount, createTestInvoice, createTestUser, type TestAccount } from "../support/factories";
import { sampleValue } from "../support/prometheus-text";

// Issue 15 item 5: the probes and the metrics page, through the real route handlers against the
// file's own database. The database client is wrapped (not replaced) so a test can see whether a
// route touched it, or make it fail.
const dbCalls = vi.hoisted(() => ({ count: 0, fail: false }));
vi.mock("@/db/client", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/db/client")>();
  const touched = () => {
    dbCalls.count += 1;
    if (dbCalls.fail) throw new Error("connect ECONNREFUSED 10.0.0.9:5432");
  };
  return {
    ...original,
    getDb: async () => (touched(), original.getDb()),
    getConnection: async () => (touched(), original.getConnection()),
  };
});
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/access/viewer", () => ({ getViewer: async () => session.viewer }));

const { GET: health } = await import("@/app/api/health/route");
const { GET: ready } = await import("@/app/api/ready/route");
const { GET: metricsPage } = await import("@/app/api/metrics/route");
const { GET: listExport } = await import("@/app/(portal)/account/invoices/export/route");
const { GET: invoiceCsv } = await import("@/app/(portal)/account/invoices/[id]/csv/route");
const { markShuttingDown } = await import("@/lib/server/shutdown-state");

const BASE = "http://localhost:3000";
const TOKEN = "metrics-test-token";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });

async function scrape(): Promise<string> {
  const response = await metricsPage(get("/api/metrics", { authorization: `Bearer ${TOKEN}` }));
  expect(response.status).toBe(200);
  return response.text();
}

let account: TestAccount;
let manager: Viewer;

beforeAll(async () => {
  account = await createTestAccount({ slug: "observed" });
  manager = (await createTestUser(account, ["billing_manager"], "observed.manager@example.test")).viewer;
});

afterEach(() => {
  vi.unstubAllEnvs();
  dbCalls.fail = false;
  session.viewer = null;
  (globalThis as { __portalShuttingDown?: boolean }).__portalShuttingDown = undefined;
});

describe("GET /api/health", () => {
  it("answers 200 while the process runs, without asking the database, even when it is down", async () => {
    dbCalls.fail = true;
    const before = dbCalls.count;
    const response = await health(get("/api/health"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
    expect(dbCalls.count).toBe(before);
    // A probe takes no credentials and changes nothing, so Fetch Metadata does not refuse it.
    expect((await health(get("/api/health", { "sec-fetch-site": "cross-site" }))).status).toBe(200);
  });
});

describe("GET /api/ready", () => {
  it("answers 200 with nothing but its status when the database is reachable and migrated", async () => {
    const response = await ready(get("/api/ready"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers 503 while shutting down, without asking the database", async () => {
    const before = dbCalls.count;
    markShuttingDown();
    const response = await ready(get("/api/ready"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", reason: "shutting_down" });
    expect(dbCalls.count).toBe(before);
  });

  it("answers 503 when the database does not answer, without saying where it is", async () => {
    dbCalls.fail = true;
    vi.spyOn(logger(), "warn").mockImplementation(() => undefined);
    const response = await ready(get("/api/ready"));
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "not_ready", reason: "database_unreachable" });
    expect(text).not.toContain("10.0.0.9");
  });

  it("answers 503 when the database lacks a migration this build ships", async () => {
    const { db } = await getConnection();
    const [latest] = await rawRows<{ id: number; hash: string; created_at: string }>(
      db,
      sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${latest.id}`);
    try {
      const response = await ready(get("/api/ready"));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "not_ready", reason: "migrations_pending" });
    } finally {
      await db.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${latest.id}, ${latest.hash}, ${latest.created_at})`);
    }
    expect((await ready(get("/api/ready"))).status).toBe(200);
  });
});

describe("GET /api/metrics", () => {
  it("does not exist (404) without METRICS_TOKEN, and answers 401 problem details to a missing or wrong token", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    const missing = await metricsPage(get("/api/metrics", { authorization: `Bearer ${TOKEN}` }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");

    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const guesses: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }];
    for (const headers of guesses) {
      const refused = await metricsPage(get("/api/metrics", headers));
      expect(refused.status).toBe(401);
      expect(refused.headers.get("content-type")).toBe("application/problem+json");
      expect(await refused.json()).toMatchObject({ status: 401, code: "unauthenticated", instance: "/api/metrics" });
    }
  });

  it("serves the Prometheus text format with every metric family named in issue 15", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const response = await metricsPage(get("/api/metrics", { authorization: `Bearer ${TOKEN}` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const page = await response.text();
    for (const family of [
      "http_request_duration_seconds",
      "portal_proxy_duration_seconds",
      "portal_exports_total",
      "portal_export_rows_total",
      "portal_export_bytes_total",
      "portal_export_refusals_total",
      "portal_outbox_pending",
      "portal_outbox_oldest_pending_age_seconds",
      "portal_emails_total",
      "portal_reminder_sweep_duration_seconds",
      "portal_reminder_notifications_total",
      "portal_sign_in_failures_total",
      "portal_db_pool_connections",
      "process_resident_memory_bytes",
    ]) {
      expect(page).toContain(`# TYPE ${family} `);
    }
    const { driver } = await getConnection();
    if (driver === "pg") expect(sampleValue(page, "portal_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
  });

  it("counts an export's rows and bytes, its request by route pattern, and a refused export", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    for (let i = 0; i < 3; i++) await createTestInvoice(account);
    session.viewer = manager;
    const before = await scrape();

    const response = await listExport(get("/account/invoices/export?tab=open&scope=all"));
    expect(response.status).toBe(200);
    const csv = new Uint8Array(await response.arrayBuffer());
    const refused = await listExport(get("/account/invoices/export?tab=overdue&scope=all"));
    expect(refused.status).toBe(422);
    const invoice = await createTestInvoice(account);
    const single = await invoiceCsv(get(`/account/invoices/${invoice.id}/csv`), { params: Promise.resolve({ id: invoice.id }) });
    expect(single.status).toBe(200);
    const singleCsv = new Uint8Array(await single.arrayBuffer());
    const dataRows = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split("\r\n").filter(Boolean).length - 1;
    const after = await scrape();

    const moved = (name: string, labels: Record<string, string> = {}) => sampleValue(after, name, labels) - sampleValue(before, name, labels);
    // The list export's three rows and the single invoice's CSV, a download of its own (header rows not counted).
    expect(dataRows(csv)).toBe(3);
    expect(moved("portal_export_rows_total")).toBe(3 + dataRows(singleCsv));
    expect(moved("portal_export_bytes_total")).toBe(csv.byteLength + singleCsv.byteLength);
    expect(moved("portal_exports_total", { outcome: "complete" })).toBe(2);
    expect(moved("portal_export_refusals_total", { reason: "invalid" })).toBe(1);
    const route = { route: "/account/invoices/export", method: "GET" };
    expect(moved("http_request_duration_seconds_count", { ...route, status: "200" })).toBe(1);
    expect(moved("http_request_duration_seconds_count", { ...route, status: "422" })).toBe(1);
    // One series per route, not one per invoice id.
    expect(moved("http_request_duration_seconds_count", { route: "/account/invoices/[id]/csv", method: "GET", status: "200" })).toBe(1);
    expect(after).not.toContain(invoice.id);
  });

  it("counts sign-in failures by reason: a wrong password, then the throttle", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const { user } = await createTestUser(account, ["member"], "observed.member@example.test");
    const before = await scrape();
    const now = new Date();
    for (let i = 0; i < 6; i++) await signInWithPassword({ email: user.email, password: "not-the-password", ip: "unknown", now });
    const after = await scrape();
    const moved = (reason: string) => sampleValue(after, "portal_sign_in_failures_total", { reason }) - sampleValue(before, "portal_sign_in_failures_total", { reason });
    expect(moved("invalid")).toBe(5);
    expect(moved("rate_limited")).toBe(1);
  });

  it("reads the outbox's depth at scrape time and counts emails sent and failed", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const { db } = await getConnection();
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const to of ["ok@example.test", "bad@example.test"]) {
      await enqueueEmail(db, { accountId: null, userId: null, to, subject: "S", html: "<p>x</p>", text: "x", idempotencyKey: `metrics:${to}`, notBefore: hourAgo });
    }
    await db.execute(sql`update email_outbox set created_at = ${hourAgo.toISOString()}::timestamptz where idempotency_key like 'metrics:%'`);
    const before = await scrape();
    expect(sampleValue(before, "portal_outbox_pending")).toBe(2);
    expect(sampleValue(before, "portal_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(3600);

    await runOutboxWorker(db, {
      sender: { mode: "resend", send: async (email) => (email.toEmail.startsWith("ok") ? { kind: "sent", providerMessageId: "m-1" } : { kind: "failed", error: "422 invalid" }) },
    });
    const after = await scrape();
    expect(sampleValue(after, "portal_outbox_pending")).toBe(0);
    expect(sampleValue(after, "portal_outbox_oldest_pending_age_seconds")).toBe(0);
    expect(sampleValue(after, "portal_emails_total", { outcome: "sent" }) - sampleValue(before, "portal_emails_total", { outcome: "sent" })).toBe(1);
    expect(sampleValue(after, "portal_emails_total", { outcome: "failed" }) - sampleValue(before, "portal_emails_total", { outcome: "failed" })).toBe(1);
  });

  it("times each reminder sweep and counts the notifications it created", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const now = new Date("2026-12-20T12:00:00Z");
    // Due 2026-12-05: 15 days past due on the 20th, one reminder for the billing manager.
    await createTestInvoice(account, { issueDate: "2026-11-05", dueDate: "2026-12-05", periodStart: "2026-10-01", periodEnd: "2026-10-31" });
    const before = await scrape();
    const { db } = await getConnection();
    const result = await runReminderSweep(db, now);
    const after = await scrape();
    expect(result.notifications).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(after, "portal_reminder_sweep_duration_seconds_count", { outcome: "ok" }) -
        sampleValue(before, "portal_reminder_sweep_duration_seconds_count", { outcome: "ok" }),
    ).toBe(1);
    expect(sampleValue(after, "portal_reminder_notifications_total") - sampleValue(before, "portal_reminder_notifications_total")).toBe(result.notifications);
  });
});
