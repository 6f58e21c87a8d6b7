// npm run test:cluster — the portal as it runs in production (issue 15 item 3): its own throwaway
// PostgreSQL, PgBouncer in transaction mode, two app instances through it and nginx in front
// (TRUSTED_PROXY_COUNT=1), all on loopback. It checks sessions and throttles across instances, the
// reminder sweep from both instances at once over a time-travelled month (compared with the same
// month swept by one process on a copy of the database), a SIGKILL in the middle of a CSV export and
// of an outbox run, and a PostgreSQL restart under load; it prints req/s through nginx with one and
// two instances. Needs a production build (`next build`; CLUSTER_SKIP_BUILD=1 reuses the last one).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startFakeResend, type FakeResend } from "@/tests/support/fake-resend";
import { cron, download, getPage, signIn, signOut, sleep, waitFor, wrk, type Jar } from "./cluster/http";
import {
  check,
  DATABASE,
  dir,
  directUrl,
  failedChecks,
  instancePid,
  instanceUrl,
  killInstance,
  log,
  METRICS_TOKEN,
  nginxOneUrl,
  nginxUrl,
  PORTS,
  REFERENCE_DATABASE,
  restartPgBouncer,
  restartPostgres,
  SETTINGS,
  startInstance,
  startNginx,
  startPgBouncer,
  startPostgres,
  stopAll,
  waitUntilListening,
  waitUntilServing,
  type InstanceName,
} from "./cluster/topology";

const DAY_MS = 86_400_000;
const PASSWORD = "demo-pass-123";
const EXPORT_PATH = "/account/invoices/export?tab=recent&scope=all";
const BULK_INVOICES = Number(process.env.CLUSTER_EXPORT_ROWS ?? 60_000);
const KILL_EMAILS = 300;

let db!: pg.Pool;
let fake!: FakeResend;
const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await db.query<T>(text, values)).rows;
const other = (name: InstanceName): InstanceName => (name === "a" ? "b" : "a");

async function startInstances(): Promise<void> {
  // One after the other by default: each migrates on start (a no-op here, the database is already
  // migrated) under a session advisory lock, which a transaction pooler does not keep on one server
  // connection. CLUSTER_START_TOGETHER=1 starts both at once, as a deployment would.
  const together = process.env.CLUSTER_START_TOGETHER === "1";
  const ready = async (name: InstanceName) => {
    const probe = await waitUntilServing(instanceUrl(name));
    log(`instance ${name} (pid ${instancePid(name)}) serving on ${instanceUrl(name)} through PgBouncer (ready by ${probe})`);
  };
  if (together) {
    for (const name of ["a", "b"] as const) startInstance(name, fake.url);
    await Promise.all([ready("a"), ready("b")]);
    return;
  }
  for (const name of ["a", "b"] as const) {
    startInstance(name, fake.url);
    await ready(name);
  }
}

async function setUp(): Promise<void> {
  log(`temp dir ${dir}`);
  startPostgres();
  log(`PostgreSQL of our own (initdb in the temp dir) on 127.0.0.1:${PORTS.postgres}`);
  const admin = new pg.Client({ connectionString: directUrl("postgres") });
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  const seed = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "db/seed/cli.ts"], {
    env: { ...process.env, DATABASE_URL: directUrl(DATABASE), PORTAL_DEMO_MODE: "on", NOTIFICATION_JOBS: "off" },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  // Every user wants billing emails, so the month's reminders also go through the outbox.
  const seeded = new pg.Client({ connectionString: directUrl(DATABASE) });
  await seeded.connect();
  await seeded.query(`insert into notification_preferences (account_id, user_id, category, alert, email)
    select account_id, id, 'billing', true, true from users where account_id is not null
    on conflict (user_id, category) do update set alert = true, email = true`);
  await seeded.end();
  // The same data for the single-process reference month (sweepsFromBothInstances).
  await admin.query(`create database ${REFERENCE_DATABASE} template ${DATABASE}`);
  await admin.end();
  log(`database ${DATABASE} migrated and seeded with the demo data (npm run db:seed, every user's billing emails on), copied to ${REFERENCE_DATABASE}`);
  db = new pg.Pool({ connectionString: directUrl(DATABASE), max: 3 });
  db.on("error", () => undefined);

  fake = await startFakeResend({ port: PORTS.fakeResend });
  log(`fake Resend on ${fake.url}`);
  startPgBouncer();
  await waitUntilListening(PORTS.bouncer);
  log(`PgBouncer (pool_mode = transaction) on 127.0.0.1:${PORTS.bouncer}`);
  await startInstances();
  startNginx();
  await waitUntilServing(nginxUrl);
  log(`nginx on ${nginxUrl} (both instances) and ${nginxOneUrl} (instance a only)`);
  const locks = await query<{ n: number }>("select count(*)::int as n from pg_locks where locktype = 'advisory'");
  check(locks[0].n === 0, "no advisory lock left behind by the instances' start-up migrations", `${locks[0].n} held`);
}

async function sessionsAcrossInstances(): Promise<Jar> {
  log("— sessions and throttles across instances");
  const jar = await signIn(nginxUrl, "billing@acme.example", PASSWORD);
  check(jar.sessionSet, "sign-in through nginx (csrf + credentials callback)", jar.sessionSet ? "session cookie set" : "no session cookie");
  // TRUSTED_PROXY_COUNT=1: the address nginx appended to X-Forwarded-For is the client's, not "unknown".
  const [session] = await query<{ ip: string }>("select ip from sessions order by created_at desc limit 1");
  check(session?.ip === "127.0.0.1", "the session records the client address nginx forwarded", `ip ${session?.ip}`);
  for (const name of ["a", "b"] as const) {
    const page = await getPage(`${instanceUrl(name)}/account/invoices`, jar.cookie);
    check(page.status === 200 && page.body.includes("Invoices"), `the session is honoured by instance ${name} directly`, `GET /account/invoices → ${page.status}`);
  }
  const signedOut = await signOut(instanceUrl("a"), jar);
  for (const name of ["a", "b"] as const) {
    const page = await getPage(`${instanceUrl(name)}/account/invoices`, jar.cookie);
    check(
      page.status >= 300 && page.status < 400 && (page.location ?? "").includes("/sign-in"),
      `after sign-out on instance a (${signedOut}), instance ${name} refuses the cookie`,
      `GET /account/invoices → ${page.status} ${page.location ?? ""}`,
    );
  }
  // The sign-in throttle is counted in PostgreSQL: five wrong passwords spread over both instances,
  // then the right one is refused too (backoff), on either.
  for (let i = 0; i < 5; i++) await signIn(instanceUrl(i % 2 ? "b" : "a"), "admin@initech.example", "wrong-password");
  const throttled = await signIn(instanceUrl("a"), "admin@initech.example", PASSWORD);
  check(
    !throttled.sessionSet,
    "5 failed sign-ins spread over a and b throttle the account on both",
    throttled.sessionSet ? "6th attempt signed in" : "6th attempt (right password) refused",
  );
  return signIn(nginxUrl, "billing@acme.example", PASSWORD);
}

async function throughput(jar: Jar): Promise<void> {
  log("— throughput through nginx, wrk -t2 -c8 -d10s on /account/invoices signed in as billing@acme");
  const one = await wrk(`${nginxOneUrl}/account/invoices`, jar.cookie, 10);
  const two = await wrk(`${nginxUrl}/account/invoices`, jar.cookie, 10);
  log(`one instance:  ${one.rps.toFixed(1)} req/s (${one.requests} requests, ${one.non2xx} non-2xx, ${one.socketErrors} socket errors)`);
  log(`two instances: ${two.rps.toFixed(1)} req/s (${two.requests} requests, ${two.non2xx} non-2xx, ${two.socketErrors} socket errors)`);
  log(`two / one: ${(two.rps / one.rps).toFixed(2)}× (two cores shared by nginx, PgBouncer, PostgreSQL, wrk and the instances)`);
  check(one.non2xx + two.non2xx === 0, "every request under load answered 2xx", `${one.non2xx + two.non2xx} non-2xx`);
}

// The process group of a pid (each instance runs in a group of its own, whatever it forks).
function processGroupOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2]);
  } catch {
    return null;
  }
}

// Which instance a lease holder (host:pid:random) is.
async function sweepLeader(): Promise<InstanceName | null> {
  const [row] = await query<{ holder: string }>("select holder from job_leases where name = 'reminder-sweep' and expires_at > clock_timestamp()");
  if (!row) return null;
  const pid = Number(row.holder.split(":").at(-2));
  for (const name of ["a", "b"] as const) if (processGroupOf(pid) === instancePid(name)) return name;
  return null;
}

type Tally = Record<string, number>;
const reminderCounts = async (pool: { query: pg.Pool["query"] }) => {
  const { rows } = await pool.query<{ key: string; n: number }>(
    "select event || ' ' || threshold as key, count(*)::int as n from notifications where event in ('invoice_past_due', 'card_expiring') group by 1 order by 1",
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n])) as Tally;
};

// The same month swept by one process, one sweep a day, on the copy of the seeded database.
async function referenceMonth(days: Date[]): Promise<{ reminders: Tally; emails: number }> {
  process.env.DATABASE_URL = directUrl(REFERENCE_DATABASE);
  const { getDb, closeDb } = await import("@/db/client");
  const { runReminderSweep } = await import("@/lib/notifications/reminder-sweep");
  const reference = await getDb();
  for (const day of days) await runReminderSweep(reference, day);
  await closeDb();
  const pool = new pg.Pool({ connectionString: directUrl(REFERENCE_DATABASE), max: 1 });
  const reminders = await reminderCounts(pool);
  const [{ n }] = (await pool.query<{ n: number }>("select count(*)::int as n from email_outbox")).rows;
  await pool.end();
  return { reminders, emails: n };
}

async function drainOutbox(bases: string[], now?: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const runs = await Promise.all(bases.map((base) => cron(base, "outbox", now)));
    for (const run of runs) if (run.status !== 200) throw new Error(`outbox run answered ${run.status}: ${JSON.stringify(run.body)}`);
    sent += runs.reduce((sum, run) => sum + Number(run.body.sent ?? 0), 0);
    if (runs.every((run) => run.body.claimed === 0)) return sent;
  }
}

async function sweepsFromBothInstances(): Promise<void> {
  log("— the reminder sweep from both instances at once, a time-travelled month (31 daily sweeps)");
  await waitFor("the leader's start-up sweep", async () => (await query("select 1 from reminder_sweeps where finished_at is not null")).length > 0, 60_000);
  const leader = await sweepLeader();
  log(`sweep leader after start: instance ${leader} (job_leases)`);
  const start = new Date();
  const days = Array.from({ length: 31 }, (_, d) => new Date(start.getTime() + d * DAY_MS));
  const ran: Tally = {};
  const skipped: Tally = {};
  for (const day of days) {
    let results = await Promise.all((["a", "b"] as const).map(async (name) => ({ name, ...(await cron(instanceUrl(name), "reminders", day)) })));
    // Both skipped: the leader's own timer was sweeping; that day is called again.
    if (results.every((r) => r.body.ran === false)) results = [{ name: leader ?? "a", ...(await cron(instanceUrl(leader ?? "a"), "reminders", day)) }];
    for (const r of results) {
      if (r.status !== 200) throw new Error(`sweep on ${r.name} answered ${r.status}: ${JSON.stringify(r.body)}`);
      const tally = r.body.ran ? ran : skipped;
      tally[r.name] = (tally[r.name] ?? 0) + 1;
    }
  }
  log(`sweeps run: ${JSON.stringify(ran)}; answered ran:false (another instance leads): ${JSON.stringify(skipped)}`);
  const sweeps = await query<{ runs: number; days: number }>("select count(*)::int as runs, count(distinct sweep_at)::int as days from reminder_sweeps where sweep_at >= $1", [
    start,
  ]);
  check(sweeps[0].days === 31, "every day of the month was swept", `${sweeps[0].days} days, ${sweeps[0].runs} runs recorded`);

  const sent = await drainOutbox([instanceUrl("a"), instanceUrl("b")], new Date(start.getTime() + 32 * DAY_MS));
  log(`outbox drained by both instances at once: ${sent} emails sent`);

  const duplicates = await query("select 1 from notifications group by user_id, event, subject_id, threshold having count(*) > 1");
  const cluster = await reminderCounts(db);
  const [{ emails }] = await query<{ emails: number }>("select count(*)::int as emails from email_outbox");
  const reference = await referenceMonth(days);
  const total = (t: Tally) => Object.values(t).reduce((sum, n) => sum + n, 0);
  log(`reminders by event and threshold — cluster: ${JSON.stringify(cluster)}`);
  log(`reminders by event and threshold — one process on the copy: ${JSON.stringify(reference.reminders)}`);
  check(duplicates.length === 0, "no (user, event, subject, threshold) notified twice", `${duplicates.length} duplicates`);
  check(
    JSON.stringify(cluster) === JSON.stringify(reference.reminders),
    "every reminder exactly once: the cluster's month equals one process's",
    `${total(cluster)} against ${total(reference.reminders)}`,
  );
  check(emails === reference.emails, "as many outbox emails as one process enqueues", `${emails} against ${reference.emails}`);
  await checkOutboxExactlyOnce("the month's emails", { createdAfter: start });
}

// Each email the app recorded as sent reached the fake Resend exactly once: a delivery per
// Idempotency-Key, with the id the app stored, and nothing pending or failed.
async function checkOutboxExactlyOnce(what: string, rowsOf: { keyPrefix: string } | { createdAfter: Date }): Promise<void> {
  const [where, value] = "keyPrefix" in rowsOf ? ["idempotency_key like $1 || '%'", rowsOf.keyPrefix] : ["created_at >= $1", rowsOf.createdAfter];
  const rows = await query<{ key: string; status: string; provider: string | null; attempts: number }>(
    `select idempotency_key as key, status, provider_message_id as provider, attempts from email_outbox where ${where}`,
    [value],
  );
  const notSent = rows.filter((r) => r.status !== "sent").length;
  const mismatched = rows.filter((r) => r.status === "sent" && fake.deliveries.get(r.key) !== r.provider).length;
  const keys = new Set(rows.map((r) => r.key));
  const requests = fake.requests.filter((r) => r.idempotencyKey && keys.has(r.idempotencyKey));
  const delivered = [...fake.deliveries.keys()].filter((k) => keys.has(k)).length;
  const resent = rows.filter((r) => requests.filter((q) => q.idempotencyKey === r.key).length > 1).length;
  check(
    notSent === 0 && mismatched === 0 && delivered === rows.length,
    `${what}: each outbox row sent exactly once at the fake Resend`,
    `${rows.length} rows, ${notSent} not sent, ${delivered} delivered, ${mismatched} without their delivery, ${requests.length} requests (${resent} rows sent again under the same Idempotency-Key)`,
  );
}

async function seedForKill(): Promise<void> {
  await query(
    `insert into invoices (account_id, number, generation, status, issue_date, due_date, period_start, period_end, currency, bill_to, subtotal_minor, tax_minor, total_minor, paid_minor)
     select a.id, 'CL-' || lpad(g::text, 7, '0'), 4, 'paid', current_date - (g % 300), current_date - (g % 300) + 30, current_date - (g % 300) - 30, current_date - (g % 300) - 1,
            'USD', 'Acme Corp', 1000 + g, 200, 1200 + g, 1200 + g
     from generate_series(1, $1::int) g cross join accounts a where a.slug = 'acme'`,
    [BULK_INVOICES],
  );
  await query(
    `insert into email_outbox (to_email, subject, html, text, idempotency_key)
     select 'kill' || g || '@cluster.example', 'Cluster ' || g, '<p>Cluster email ' || g || '</p>', 'Cluster email ' || g, 'cluster-kill:' || g
     from generate_series(1, $1::int) g`,
    [KILL_EMAILS],
  );
  await query("vacuum (analyze) invoices, email_outbox");
  log(`seeded ${BULK_INVOICES} paid invoices for Acme (the export) and ${KILL_EMAILS} pending emails (the outbox run)`);
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).length;

async function killMidExportAndOutbox(): Promise<void> {
  log("— SIGKILL in the middle of a CSV export and of an outbox run");
  await seedForKill();
  const victim = (await sweepLeader()) ?? "a";
  const survivor = other(victim);
  const jar = await signIn(nginxUrl, "billing@acme.example", PASSWORD);
  fake.always({ status: "timeout", delayMs: 150 });
  const partialFile = path.join(dir, "export-cut.csv");
  const cut = download(nginxUrl + EXPORT_PATH, partialFile, jar.cookie, { rateLimit: "100k", headers: { "X-Cluster-Instance": victim } });
  const outboxRun = cron(instanceUrl(victim), "outbox").then(
    (r) => `answered ${r.status}`,
    (error: Error) => `failed: ${error.cause instanceof Error ? error.cause.message : error.message}`,
  );
  const killEmails = () => fake.requests.filter((r) => r.idempotencyKey?.startsWith("cluster-kill:")).length;
  await waitFor("the export and the outbox run under way", async () => cut.bytes() > 150_000 && killEmails() >= 12, 60_000);
  const victimPid = instancePid(victim);
  killInstance(victim);
  const killedAt = Date.now();
  log(`SIGKILL instance ${victim} (pid ${victimPid}, the sweep leader): export at ${cut.bytes()} bytes, outbox run at ${killEmails()} of ${KILL_EMAILS} emails`);

  await deadSlotStillCounts(jar, survivor);
  const { exitCode, httpCode } = await cut.done;
  check(
    httpCode === "200" && exitCode !== 0,
    "the client sees a broken download, not a complete file",
    `HTTP ${httpCode}, curl exit ${exitCode} (18 = transfer closed with data outstanding: no chunked terminator), ${cut.bytes()} bytes`,
  );
  log(`the outbox run on ${victim}: ${await outboxRun}`);

  let served = 0;
  for (let i = 0; i < 10; i++) if ((await getPage(`${nginxUrl}/account/invoices`, jar.cookie)).status === 200) served += 1;
  check(served === 10, `instance ${survivor} keeps serving through nginx`, `${served}/10 pages answered 200 right after the kill`);

  const takeover = await waitFor("a new sweep leader", async () => (await sweepLeader()) === survivor, 60_000);
  const takeoverSeconds = (Date.now() - killedAt) / 1000;
  check(
    takeover && takeoverSeconds < 60,
    `instance ${survivor} takes the sweep over within a minute`,
    `leader after ${takeoverSeconds.toFixed(1)} s (JOB_LEASE_SECONDS=${SETTINGS.JOB_LEASE_SECONDS}, renewed every ${SETTINGS.JOB_LEASE_SECONDS / 3} s)`,
  );
  const takeoverSweep = await waitFor(
    "the new leader's catch-up sweep",
    async () => (await query<{ started_at: Date }>("select started_at from reminder_sweeps where started_at > $1 and finished_at is not null", [new Date(killedAt)]))[0],
    30_000,
  );
  log(`the new leader swept at once on taking over (${((takeoverSweep.started_at.getTime() - killedAt) / 1000).toFixed(1)} s after the kill)`);

  await exportSlotFreed(jar, lines(partialFile));

  fake.always(null);
  const drained = (await drainOutbox([instanceUrl(survivor)])) + (await drainOutbox([instanceUrl(survivor)], new Date(Date.now() + 6 * 60_000)));
  log(`instance ${survivor} drained the outbox: ${drained} sent (the dead instance's claimed rows after their 5-minute claim, by a cron call 6 minutes ahead)`);
  await checkOutboxExactlyOnce("the outbox run cut by the kill", { keyPrefix: "cluster-kill:" });

  startInstance(victim, fake.url);
  await waitUntilServing(instanceUrl(victim));
  log(`instance ${victim} started again (pid ${instancePid(victim)})`);
}

const liveLeases = async () => (await query<{ n: number }>("select count(*)::int as n from export_leases where expires_at > clock_timestamp()"))[0].n;

// Right after the kill the dead instance's export lease still counts (it holds one of the user's two
// slots until it expires): one more export on the survivor fills the other, a second is refused.
async function deadSlotStillCounts(jar: Jar, survivor: InstanceName): Promise<void> {
  const pinned = { "X-Cluster-Instance": survivor };
  const slow = download(nginxUrl + EXPORT_PATH, path.join(dir, "export-slow.csv"), jar.cookie, { rateLimit: "50k", headers: pinned });
  await waitFor("the survivor's export streaming", async () => slow.bytes() > 0, 30_000);
  const live = await liveLeases();
  const third = await getPage(nginxUrl + EXPORT_PATH, jar.cookie, pinned);
  check(
    third.status === 429 && live === 2,
    "the dead instance's export slot counts until its lease expires",
    `live leases ${live} (dead + running), one more export → ${third.status}`,
  );
  slow.cancel();
  await slow.done;
}

// Once EXPORT_LEASE_SECONDS have passed the user has both slots again on the survivor.
async function exportSlotFreed(jar: Jar, partialLines: number): Promise<void> {
  const leases = liveLeases;
  const freed = await waitFor("the dead lease to expire", async () => (await leases()) === 0, (SETTINGS.EXPORT_LEASE_SECONDS + 10) * 1000);
  const files = [path.join(dir, "export-full-1.csv"), path.join(dir, "export-full-2.csv")];
  const full = await Promise.all(files.map((file) => download(nginxUrl + EXPORT_PATH, file, jar.cookie).done));
  check(
    freed && full.every((r) => r.exitCode === 0 && r.httpCode === "200"),
    "the slot is freed: two exports at once on the survivor",
    `${full.map((r) => `HTTP ${r.httpCode}, curl exit ${r.exitCode}`).join("; ")}; ${lines(files[0])} lines each complete, ${partialLines} in the cut one`,
  );
  check((await leases()) === 0, "no export lease left once the downloads ended", `${await leases()} live leases`);
}

async function restartPostgresUnderLoad(): Promise<void> {
  log("— PostgreSQL, then PgBouncer, restarted under load (wrk through nginx, 12 s)");
  const jar = await signIn(nginxUrl, "viewer@acme.example", PASSWORD);
  const load = wrk(`${nginxUrl}/account/invoices`, jar.cookie, 12);
  await sleep(4_000);
  log("restarting PostgreSQL (pg_ctl restart -m fast) with both instances and PgBouncer running");
  const restartedAt = Date.now();
  restartPostgres();
  log(`PostgreSQL accepting connections again after ${((Date.now() - restartedAt) / 1000).toFixed(1)} s`);
  const firstAnswers = timeFirstAnswers(jar, restartedAt);
  const result = await load;
  log(`under the restart: ${result.requests} requests, ${result.rps.toFixed(1)} req/s, ${result.non2xx} non-2xx, ${result.socketErrors} socket errors`);
  await checkRecovered(jar, "PostgreSQL's restart", await firstAnswers);

  // The instances' own pools lose every connection when the pooler restarts: pg's Pool must drop
  // them and connect again.
  const bouncerRestartedAt = Date.now();
  await restartPgBouncer();
  log("PgBouncer restarted (SIGTERM, started again): every connection of the instances' pools is gone");
  await checkRecovered(jar, "PgBouncer's restart", await timeFirstAnswers(jar, bouncerRestartedAt));
}

const pageAnswers = (name: InstanceName, jar: Jar) => () =>
  getPage(`${instanceUrl(name)}/account/invoices`, jar.cookie).then(
    (p) => p.status === 200,
    () => false,
  );

// Seconds from `since` to each instance's first page answered 200 again (null: none within a minute).
async function timeFirstAnswers(jar: Jar, since: number): Promise<Record<InstanceName, number | null>> {
  const first = async (name: InstanceName) => {
    const answered = await waitFor(`instance ${name} answering`, pageAnswers(name, jar), 60_000, 200).catch(() => false);
    return answered ? (Date.now() - since) / 1000 : null;
  };
  const [a, b] = await Promise.all([first("a"), first("b")]);
  return { a, b };
}

// Each instance answers again by itself after an outage; then ten pages and an outbox run (a
// write) must all succeed.
async function checkRecovered(jar: Jar, after: string, firstAnswer: Record<InstanceName, number | null>): Promise<void> {
  for (const name of ["a", "b"] as const) {
    let ok = 0;
    for (let i = 0; i < 10; i++) if (await pageAnswers(name, jar)()) ok += 1;
    const run = await cron(instanceUrl(name), "outbox");
    const first = firstAnswer[name];
    check(
      first !== null && ok === 10 && run.status === 200,
      `instance ${name} recovered from ${after} without a restart of its own`,
      `${first === null ? "no answer within a minute" : `first page 200 ${first.toFixed(1)} s after it began`}; then ${ok}/10 pages 200, outbox run ${run.status}`,
    );
  }
}

async function metricsPage(): Promise<void> {
  const metrics = await getPage(`${instanceUrl("a")}/api/metrics`, undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
  log(metrics.status === 200 ? `/api/metrics on a:\n${metrics.body}` : `/api/metrics on a: ${metrics.status} (not in this build, or METRICS_TOKEN unset)`);
}

async function main(): Promise<void> {
  if (process.env.CLUSTER_SKIP_BUILD !== "1") {
    log("next build …");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("next build failed");
    // Completes .next/standalone (as `npm run build` does), for CLUSTER_SERVER=standalone.
    if (spawnSync(process.execPath, ["scripts/standalone.mjs"], { stdio: ["ignore", "ignore", "inherit"] }).status !== 0) throw new Error("scripts/standalone.mjs failed");
  }
  await setUp();
  const jar = await sessionsAcrossInstances();
  await throughput(jar);
  await sweepsFromBothInstances();
  await killMidExportAndOutbox();
  await restartPostgresUnderLoad();
  await metricsPage();
}

let exitCode = 0;
const interrupted = async () => {
  log("interrupted: stopping everything");
  await stopAll();
  process.exit(130);
};
process.once("SIGINT", interrupted);
process.once("SIGTERM", interrupted);
try {
  await main();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await db?.end().catch(() => undefined);
  await fake?.close();
  await stopAll();
  log("stopped everything it started");
}
const failed = failedChecks();
if (failed.length) console.log(`\n${failed.length} check(s) failed:\n  ${failed.join("\n  ")}`);
else if (exitCode === 0) console.log("\nall checks passed");
process.exit(failed.length || exitCode ? 1 : 0);
