import { readFileSync } from "node:fs";
import pg from "pg";
import { cron, waitFor } from "./http";
import { cluster, DAY_MS, query } from "./context";
import { check, directUrl, instancePid, instanceUrl, log, REFERENCE_DATABASE, type InstanceName } from "./topology";

// The reminder sweep called on both instances at once over a time-travelled month, against the
// same month swept by one process; the outbox checked email by email against the fake Resend.

// The process group of a pid (each instance runs in a group of its own, whatever it forks).
function processGroupOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[2]);
  } catch {
    return null;
  }
}

// Which instance a lease holder (host:pid:random) is.
export async function sweepLeader(): Promise<InstanceName | null> {
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
export async function referenceMonth(days: Date[]): Promise<{ reminders: Tally; emails: number }> {
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

export async function drainOutbox(bases: string[], now?: Date): Promise<number> {
  let sent = 0;
  for (;;) {
    const runs = await Promise.all(bases.map((base) => cron(base, "outbox", now)));
    for (const run of runs) if (run.status !== 200) throw new Error(`outbox run answered ${run.status}: ${JSON.stringify(run.body)}`);
    sent += runs.reduce((sum, run) => sum + Number(run.body.sent ?? 0), 0);
    if (runs.every((run) => run.body.claimed === 0)) return sent;
  }
}

export async function sweepsFromBothInstances(): Promise<void> {
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
  const swept = await reminderCounts(cluster.db);
  const [{ emails }] = await query<{ emails: number }>("select count(*)::int as emails from email_outbox");
  const reference = await referenceMonth(days);
  const total = (t: Tally) => Object.values(t).reduce((sum, n) => sum + n, 0);
  log(`reminders by event and threshold — cluster: ${JSON.stringify(swept)}`);
  log(`reminders by event and threshold — one process on the copy: ${JSON.stringify(reference.reminders)}`);
  check(duplicates.length === 0, "no (user, event, subject, threshold) notified twice", `${duplicates.length} duplicates`);
  check(
    JSON.stringify(swept) === JSON.stringify(reference.reminders),
    "every reminder exactly once: the cluster's month equals one process's",
    `${total(swept)} against ${total(reference.reminders)}`,
  );
  check(emails === reference.emails, "as many outbox emails as one process enqueues", `${emails} against ${reference.emails}`);
  await checkOutboxExactlyOnce("the month's emails", { createdAfter: start });
}

// Each email the app recorded as sent reached the fake Resend exactly once: a delivery per
// Idempotency-Key, with the id the app stored, and nothing pending or failed.
export async function checkOutboxExactlyOnce(what: string, rowsOf: { keyPrefix: string } | { createdAfter: Date }): Promise<void> {
  const [where, value] = "keyPrefix" in rowsOf ? ["idempotency_key like $1 || '%'", rowsOf.keyPrefix] : ["created_at >= $1", rowsOf.createdAfter];
  const rows = await query<{ key: string; status: string; provider: string | null; attempts: number }>(
    `select idempotency_key as key, status, provider_message_id as provider, attempts from email_outbox where ${where}`,
    [value],
  );
  const notSent = rows.filter((r) => r.status !== "sent").length;
  const mismatched = rows.filter((r) => r.status === "sent" && cluster.fake.deliveries.get(r.key) !== r.provider).length;
  const keys = new Set(rows.map((r) => r.key));
  const requests = cluster.fake.requests.filter((r) => r.idempotencyKey && keys.has(r.idempotencyKey));
  const delivered = [...cluster.fake.deliveries.keys()].filter((k) => keys.has(k)).length;
  const resent = rows.filter((r) => requests.filter((q) => q.idempotencyKey === r.key).length > 1).length;
  check(
    notSent === 0 && mismatched === 0 && delivered === rows.length,
    `${what}: each outbox row sent exactly once at the fake Resend`,
    `${rows.length} rows, ${notSent} not sent, ${delivered} delivered, ${mismatched} without their delivery, ${requests.length} requests (${resent} rows sent again under the same Idempotency-Key)`,
  );
}
