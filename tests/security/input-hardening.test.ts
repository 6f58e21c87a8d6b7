import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, exportLeases, invoices, notificationPreferences, supportTickets } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { authenticate } from "@/lib/auth/authenticate";
import { parseInvoiceFilters, TABS } from "@/lib/invoices/filters";
import { listOpenInvoices } from "@/lib/invoices/list-open-invoices";
import { listRecentInvoices } from "@/lib/invoices/list-recent-invoices";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";
import { encodeCursor } from "@/lib/pagination/cursor";
import { listRecentPayments } from "@/lib/payments/list-recent-payments";
import { createTicket } from "@/lib/support/create-ticket";
import { createTestAccount, createTestApiKey, createTestInvoice, createTestOperator, createTestUser, type TestAccount } from "../support/factories";

// Items 8, 9 and 12 of issue 12: control characters, request bodies and Fetch Metadata. Each
// attack gets a clear 4xx (or is ignored where it is only a filter) and changes nothing.

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/access/viewer", () => ({ getViewer: async () => session.viewer }));

const { POST: postInvoiceRoute } = await import("@/app/api/v1/invoices/route");
const { GET: listExport } = await import("@/app/(portal)/account/invoices/export/route");
const { GET: auditExport } = await import("@/app/(portal)/account/audit-log/export/route");
const { GET: invoiceCsv } = await import("@/app/(portal)/account/invoices/[id]/csv/route");
const { GET: invoicePdf } = await import("@/app/(portal)/account/invoices/[id]/pdf/route");
const { PUT: putPreferences, POST: postPreferences } = await import("@/app/api/notification-preferences/route");
const { POST: cronOutbox } = await import("@/app/api/cron/outbox/route");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = "http://localhost:3000";
const NOW = new Date("2026-11-20T12:00:00Z");

let account: TestAccount;
let viewer: Viewer;
let auth: () => Record<string, string>;
let invoiceId: string;

// Bodies go as bytes: a string body would make Request add "text/plain" when no type is given.
const bytes = (text: string) => new TextEncoder().encode(text);

const ingest = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  postInvoiceRoute(new Request(`${BASE}/api/v1/invoices`, { method: "POST", headers: { ...headers, ...auth() }, body: bytes(body) }));

const invoiceBody = (description: string) =>
  JSON.stringify({
    account: account.account.slug,
    number: `IN-${randomUUID().slice(0, 8)}`,
    currency: "USD",
    issueDate: "2026-11-01",
    dueDate: "2026-12-01",
    servicePeriod: { start: "2026-10-01", end: "2026-10-31" },
    lines: [{ description, quantity: 1, unitPriceMinor: 100 }],
  });

const put = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  putPreferences(new Request(`${BASE}/api/notification-preferences`, { method: "PUT", headers: { "sec-fetch-site": "same-origin", ...headers }, body: bytes(body) }));

async function invoiceCount() {
  return (
    await (
      await getDb()
    )
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(invoices)
      .where(eq(invoices.accountId, account.account.id))
  )[0].n;
}

async function savedPreferences() {
  return (await getDb()).select().from(notificationPreferences).where(eq(notificationPreferences.userId, viewer.userId));
}

beforeAll(async () => {
  account = await createTestAccount({ slug: "hardened" });
  viewer = (await createTestUser(account, ["account_admin"])).viewer;
  const key = await createTestApiKey(await createTestOperator());
  auth = () => ({ authorization: `Bearer ${key.secret}`, "idempotency-key": randomUUID() });
  invoiceId = (await createTestInvoice(account)).id;
});

afterEach(() => {
  session.viewer = null;
});

describe("control characters", () => {
  it("in stored text are a 422 naming the field: NUL, other C0 controls and Bidi overrides", async () => {
    const before = await invoiceCount();
    for (const description of ["Server\u0000", "Tab\there", "bell\u0007", "\u202Eexe.txt", "isolate \u2066x\u2069"]) {
      const response = await ingest(invoiceBody(description));
      expect(response.status).toBe(422);
      const body: Json = await response.json();
      expect(body.issues.map((i: Json) => i.path)).toEqual(["lines.0.description"]);
    }
    expect(await invoiceCount()).toBe(before);
    expect((await ingest(invoiceBody("Plain text, ünïcödé and emoji 🚀"))).status).toBe(201);
  });

  it("are refused by forms, except tabs and line breaks in a multi-line message", async () => {
    const ticket = (description: string) => ({ category: "billing", subject: "Question", description });
    await expect(createTicket(viewer, ticket("bad \u0000 byte"), NOW)).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { description: [expect.stringContaining("control characters")] } },
    });
    await expect(createTicket(viewer, { ...ticket("ok"), subject: "Invoice \u202Efdp.exe" }, NOW)).rejects.toMatchObject({
      code: "invalid",
      details: { fieldErrors: { subject: [expect.stringContaining("direction")] } },
    });
    await expect((await getDb()).select().from(supportTickets).where(eq(supportTickets.accountId, account.account.id))).resolves.toEqual([]);
    await expect(createTicket(viewer, ticket("line one\r\n\tline two"), NOW)).resolves.toMatchObject({ ticketId: expect.any(String) });
  });

  it("in list filters and cursors are ignored on every tab, never a failed query", async () => {
    const nulCursor = encodeCursor({ sort: "number", dir: "asc", value: "\u0000", id: randomUUID() });
    for (const tab of TABS) {
      for (const raw of [
        { tab, q: "\u0000" },
        { tab, q: "INV\u0000\u202E" },
        { tab, after: nulCursor },
        { tab, before: nulCursor },
      ]) {
        const filters = parseInvoiceFilters(raw, viewer.account, NOW);
        expect(filters.q).not.toMatch(/\u0000/);
        const list =
          tab === "open" ? listOpenInvoices(viewer, filters, NOW) : tab === "recent" ? listRecentInvoices(viewer, filters, NOW) : listRecentPayments(viewer, filters, NOW);
        await expect(list).resolves.toMatchObject({ rows: expect.any(Array) });
      }
    }
  });

  it("in the operator's account search are ignored", async () => {
    const operator = await createTestOperator();
    expect((await listAccountsForOperator(operator, "hardened\u0000")).map((a) => a.id)).toEqual([account.account.id]);
  });

  it("in the filtered export's search are ignored and the whole CSV arrives", async () => {
    session.viewer = viewer;
    const response = await listExport(new Request(`${BASE}/account/invoices/export?tab=open&scope=filtered&q=%00`));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split("\r\n").filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });

  it("in a sign-in email are a plain failure, not a database error", async () => {
    const result = await authenticate(await getDb(), { email: `${viewer.email}\u0000' or 1=1--`, password: "wrong", ip: "203.0.113.9", now: new Date() });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("request bodies", () => {
  it("JSON routes refuse another content type with 415, an unknown field with 422, and save nothing", async () => {
    session.viewer = viewer;
    const json = JSON.stringify({ alert: true, email: true });
    const types: Record<string, string>[] = [{}, { "content-type": "text/plain" }, { "content-type": "application/x-www-form-urlencoded" }];
    for (const headers of types) {
      const response = await put(json, headers);
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
    const unknown = await put(JSON.stringify({ alert: true, email: true, admin: true }));
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as Json).issues).toEqual([{ path: "", message: expect.stringContaining("admin") }]);
    expect(await savedPreferences()).toEqual([]);
    expect((await put(json, { "content-type": "application/json; charset=utf-8" })).status).toBe(200);
  });

  it("the preferences form answers a JSON or untyped body with 415, not 500", async () => {
    session.viewer = viewer;
    const types: Record<string, string>[] = [{ "content-type": "application/json" }, {}];
    for (const headers of types) {
      const response = await postPreferences(
        new Request(`${BASE}/api/notification-preferences`, { method: "POST", headers: { "sec-fetch-site": "same-origin", ...headers }, body: bytes('{"alert":"on"}') }),
      );
      expect(response.status).toBe(415);
    }
  });

  it("count the limit in UTF-8 bytes: 413 for a portal body over 16 KiB, even when declared smaller", async () => {
    session.viewer = viewer;
    const padded = JSON.stringify({ alert: true, email: false, userId: "€".repeat(6_000) }); // 6000 UTF-16 units, 18000 bytes
    expect(padded.length).toBeLessThan(16 * 1024);
    const response = await put(padded);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, code: "payload_too_large" });
    // A streamed body without Content-Length is cut off at the limit too.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await putPreferences(
      new Request(`${BASE}/api/notification-preferences`, {
        method: "PUT",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
  });

  it("the ingest API counts bytes too: under a million UTF-16 units but over a million bytes is 413", async () => {
    const before = await invoiceCount();
    const body = invoiceBody("x").replace('"x"', JSON.stringify("€".repeat(400_000)));
    expect(body.length).toBeLessThan(1_000_000);
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_000_000);
    expect((await ingest(body)).status).toBe(413);
    expect((await ingest(invoiceBody("ok"), { "content-type": "text/plain" })).status).toBe(415);
    expect((await ingest(invoiceBody("ok"), {})).status).toBe(415);
    expect(await invoiceCount()).toBe(before);
  });

  it("cron routes take only a small JSON body", async () => {
    process.env.CRON_SECRET = "cron-secret-for-tests";
    try {
      const cron = (body: string, type: string) =>
        cronOutbox(new Request(`${BASE}/api/cron/outbox`, { method: "POST", headers: { authorization: "Bearer cron-secret-for-tests", "content-type": type }, body }));
      expect((await cron(JSON.stringify({ now: NOW.toISOString() }), "text/plain")).status).toBe(415);
      expect((await cron(JSON.stringify({ now: NOW.toISOString(), pad: "x".repeat(2_000) }), "application/json")).status).toBe(413);
      expect((await cron(JSON.stringify({ now: NOW.toISOString(), extra: 1 }), "application/json")).status).toBe(422);
    } finally {
      delete process.env.CRON_SECRET;
    }
  });
});

describe("Fetch Metadata", () => {
  const downloads = () => [
    (headers: Record<string, string>) => listExport(new Request(`${BASE}/account/invoices/export?tab=open&scope=all`, { headers })),
    (headers: Record<string, string>) => auditExport(new Request(`${BASE}/account/audit-log/export`, { headers })),
    (headers: Record<string, string>) => invoiceCsv(new Request(`${BASE}/account/invoices/${invoiceId}/csv`, { headers }), { params: Promise.resolve({ id: invoiceId }) }),
    (headers: Record<string, string>) => invoicePdf(new Request(`${BASE}/account/invoices/${invoiceId}/pdf`, { headers }), { params: Promise.resolve({ id: invoiceId }) }),
  ];

  it("refuses a download another site starts with 403, before it is audited or uses the export quota", async () => {
    const other = (await createTestUser(account, ["account_admin"])).viewer;
    session.viewer = other;
    for (const download of downloads()) {
      const response = await download({ "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ status: 403, code: "forbidden" });
    }
    const db = await getDb();
    expect(await db.select().from(auditEvents).where(eq(auditEvents.actorUserId, other.userId))).toEqual([]);
    expect(await db.select().from(exportLeases).where(eq(exportLeases.userId, other.userId))).toEqual([]);
  });

  it("lets links inside the portal, typed URLs and same-site subdomains download", async () => {
    session.viewer = viewer;
    for (const site of ["same-origin", "none", "same-site"]) {
      for (const download of downloads()) {
        const response = await download({ "sec-fetch-site": site });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
    }
  });

  it("refuses cross-site posts to the ingest API and the preference form", async () => {
    const before = await invoiceCount();
    expect((await ingest(invoiceBody("x"), { "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await invoiceCount()).toBe(before);
    session.viewer = viewer;
    const form = await postPreferences(
      new Request(`${BASE}/api/notification-preferences`, {
        method: "POST",
        headers: { "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
        body: "alert=on",
      }),
    );
    expect(form.status).toBe(403);
  });
});
