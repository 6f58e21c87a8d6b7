import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";
import { startFakeResend } from "@/tests/support/fake-resend";

// The outbox keeping up (issue 16): 100 000 pending emails drained through the real worker and
// the Resend SDK against the local fake Resend server (never the real one). Prints the rate, the
// peak RSS growth of this process (worker and fake server together), and checks each email was
// delivered exactly once.
const EMAILS = Number(process.env.BENCH_OUTBOX_EMAILS ?? 100_000);
const CONCURRENCY = 16;

export async function benchOutboxDrain(driver: "pg" | "pglite"): Promise<void> {
  const db = await getDb();
  await db.execute(sql`
    insert into email_outbox (to_email, subject, html, text, idempotency_key)
    select 'user' || g || '@bench.example', 'Reminder ' || g, '<p>Invoice ' || g || ' is past due.</p>', 'Invoice ' || g || ' is past due.', 'bench:' || g
    from generate_series(1, ${EMAILS}::int) g`);
  await db.execute(sql`vacuum (analyze) email_outbox`);

  const fake = await startFakeResend();
  const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
  process.env.RESEND_API_KEY = "re_bench_fake";
  process.env.RESEND_BASE_URL = fake.url;
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  let sent = 0;
  try {
    for (;;) {
      const run = await runOutboxWorker(db, { now: new Date(), batchSize: 200, maxBatches: 50, concurrency: CONCURRENCY });
      sent += run.sent;
      if (run.claimed === 0) break;
    }
  } finally {
    clearInterval(timer);
    process.env.RESEND_API_KEY = saved.key;
    process.env.RESEND_BASE_URL = saved.url;
    if (saved.key === undefined) delete process.env.RESEND_API_KEY;
    if (saved.url === undefined) delete process.env.RESEND_BASE_URL;
    await fake.close();
  }
  const ms = performance.now() - start;
  const [left] = await rawRows<{ pending: number; sent: number }>(
    db,
    sql`select count(*) filter (where status = 'pending')::int as pending, count(*) filter (where status = 'sent')::int as sent from email_outbox`,
  );
  const exactlyOnce = fake.deliveries.size === EMAILS && fake.requests.length === EMAILS && left.sent === EMAILS && left.pending === 0;
  console.log(
    `\nOutbox drain — ${driver === "pg" ? "PostgreSQL via pg" : "PGlite in memory"}, ${EMAILS.toLocaleString("en-US")} pending emails, local fake Resend, ${CONCURRENCY} in flight`,
  );
  console.log(
    `  ${sent.toLocaleString("en-US")} sent in ${(ms / 1000).toFixed(1)} s: ${Math.round(sent / (ms / 1000)).toLocaleString("en-US")} emails/s; peak RSS growth ${((peak - before) / 1_048_576).toFixed(0)} MB`,
  );
  console.log(
    `  delivered once each: ${exactlyOnce ? "yes" : "NO"} (${fake.deliveries.size} distinct deliveries, ${fake.requests.length} requests, ${left.sent} rows sent, ${left.pending} pending)`,
  );
  if (!exactlyOnce) throw new Error("outbox drain: not exactly once");
}
