import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// The portal's one Prometheus registry (GET /api/metrics, issue 15 item 5) and every metric in
// it. The rest of lib/ records through the one-line helpers below, at the single points where
// each thing happens (lib/http/route.ts, csv-download, the outbox worker, the reminder sweep,
// sign-in, the proxy). Gauges read at scrape time (outbox depth, pool usage) are set by
// lib/metrics/scrape.ts.
// Note: kept on globalThis, like the database connection, because Next.js bundles the proxy,
// the route handlers and instrumentation separately: each bundle would otherwise count into a
// registry of its own and the metrics page would show only one of them.

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SWEEP_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Route handlers (lib/http/route.ts): time until the response's headers are ready (a streamed export's body is in the export metrics), by route pattern, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    proxyDuration: new Histogram({
      name: "portal_proxy_duration_seconds",
      help: "Every request's pass through proxy.ts (headers and the session gate), by area (the route-permission prefix it falls under). Counts page views; page rendering itself is not timed.",
      labelNames: ["area"] as const,
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    exports: new Counter({
      name: "portal_exports_total",
      help: "CSV downloads by how their body ended (complete, cancelled by the client, failed).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    exportRows: new Counter({ name: "portal_export_rows_total", help: "CSV rows written to downloads (header rows not counted).", registers }),
    exportBytes: new Counter({ name: "portal_export_bytes_total", help: "Bytes of CSV written to downloads.", registers }),
    exportRefusals: new Counter({
      name: "portal_export_refusals_total",
      help: "Export requests refused, by error code (rate_limited, forbidden, invalid, …).",
      labelNames: ["reason"] as const,
      registers,
    }),
    outboxPending: new Gauge({ name: "portal_outbox_pending", help: "Emails pending in the outbox (due now or waiting for a retry), read at scrape time.", registers }),
    outboxOldestPendingAge: new Gauge({
      name: "portal_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest pending email in the outbox (0 when none), read at scrape time.",
      registers,
    }),
    emails: new Counter({
      name: "portal_emails_total",
      help: "Outbox send attempts by outcome: sent, retried (will be tried again), failed (given up).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    sweepDuration: new Histogram({
      name: "portal_reminder_sweep_duration_seconds",
      help: "Reminder sweep runs by outcome (ok, error).",
      labelNames: ["outcome"] as const,
      buckets: SWEEP_BUCKETS,
      registers,
    }),
    sweepNotifications: new Counter({ name: "portal_reminder_notifications_total", help: "Reminder notifications the sweep created.", registers }),
    signInFailures: new Counter({
      name: "portal_sign_in_failures_total",
      help: "Refused sign-in attempts: invalid (wrong email or password, disabled user) or rate_limited (throttled).",
      labelNames: ["reason"] as const,
      registers,
    }),
    dbPool: new Gauge({
      name: "portal_db_pool_connections",
      help: "pg pool: total, idle and waiting (queued clients), read at scrape time.",
      labelNames: ["state"] as const,
      registers,
    }),
  };
}

export type PortalMetrics = ReturnType<typeof createMetrics>;

const globalMetrics = globalThis as unknown as { __portalMetrics?: PortalMetrics };

export function metrics(): PortalMetrics {
  globalMetrics.__portalMetrics ??= createMetrics();
  return globalMetrics.__portalMetrics;
}

// A route handler answered (route is the pattern, e.g. /account/invoices/[id]/csv).
export function observeRequest(labels: { route: string; method: string; status: number }, seconds: number): void {
  metrics().httpRequestDuration.observe({ ...labels, status: String(labels.status) }, seconds);
}

export function observeProxy(area: string, seconds: number): void {
  metrics().proxyDuration.observe({ area }, seconds);
}

export function countExportChunk(rows: number, bytes: number): void {
  const m = metrics();
  m.exportRows.inc(rows);
  m.exportBytes.inc(bytes);
}

export function countExportEnd(outcome: "complete" | "cancelled" | "failed"): void {
  metrics().exports.inc({ outcome });
}

export function countExportRefusal(reason: string): void {
  metrics().exportRefusals.inc({ reason });
}

export function countEmail(outcome: "sent" | "retried" | "failed"): void {
  metrics().emails.inc({ outcome });
}

// A finished reminder sweep: how long it took and how many notifications it wrote.
export function observeSweep(seconds: number, notifications: number, failed: boolean): void {
  const m = metrics();
  m.sweepDuration.observe({ outcome: failed ? "error" : "ok" }, seconds);
  m.sweepNotifications.inc(notifications);
}

export function countSignInFailure(reason: "invalid" | "rate_limited"): void {
  metrics().signInFailures.inc({ reason });
}
