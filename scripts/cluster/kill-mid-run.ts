import { readFileSync } from "node:fs";
import path from "node:path";
import { cron, download, getPage, signIn, waitFor, type Jar } from "./http";
import { cluster, EXPORT_PATH, other, PASSWORD, query } from "./context";
import { checkOutboxExactlyOnce, drainOutbox, sweepLeader } from "./sweeps";
import { check, dir, instancePid, instanceUrl, killInstance, log, nginxUrl, SETTINGS, startInstance, waitUntilServing, type InstanceName } from "./topology";

// SIGKILL of the sweep leader in the middle of a CSV export and of an outbox run.

// Enough rows that the file (about 25 MB) outgrows every buffer between the instance and curl: the
// kernel's loopback socket buffers alone take several MB, so with a small export the instance has
// written the whole file, terminator included, before it is killed, and the cut never shows.
const BULK_INVOICES = Number(process.env.CLUSTER_EXPORT_ROWS ?? 300_000);
const KILL_EMAILS = 300;

export async function seedForKill(): Promise<void> {
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

export async function killMidExportAndOutbox(): Promise<void> {
  log("— SIGKILL in the middle of a CSV export and of an outbox run");
  await seedForKill();
  const victim = (await sweepLeader()) ?? "a";
  const survivor = other(victim);
  const jar = await signIn(nginxUrl, "billing@acme.example", PASSWORD);
  cluster.fake.always({ status: "timeout", delayMs: 150 });
  const partialFile = path.join(dir, "export-cut.csv");
  const cut = download(nginxUrl + EXPORT_PATH, partialFile, jar.cookie, { rateLimit: "1m", headers: { "X-Cluster-Instance": victim } });
  const outboxRun = cron(instanceUrl(victim), "outbox").then(
    (r) => `answered ${r.status}`,
    (error: Error) => `failed: ${error.cause instanceof Error ? error.cause.message : error.message}`,
  );
  const killEmails = () => cluster.fake.requests.filter((r) => r.idempotencyKey?.startsWith("cluster-kill:")).length;
  await waitFor("the export and the outbox run under way", async () => cut.bytes() > 150_000 && killEmails() >= 12, 60_000);
  const victimPid = instancePid(victim);
  killInstance(victim);
  const killedAt = Date.now();
  // Watched from the kill on, while the checks below run: when the survivor holds the lease.
  const takenOverAt = waitFor("a new sweep leader", async () => (await sweepLeader()) === survivor, 60_000, 200).then(
    (taken) => (taken ? Date.now() : null),
    () => null,
  );
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

  const takenAt = await takenOverAt;
  const takeover = takenAt !== null;
  const takeoverSeconds = ((takenAt ?? Date.now()) - killedAt) / 1000;
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

  cluster.fake.always(null);
  const drained = (await drainOutbox([instanceUrl(survivor)])) + (await drainOutbox([instanceUrl(survivor)], new Date(Date.now() + 6 * 60_000)));
  log(`instance ${survivor} drained the outbox: ${drained} sent (the dead instance's claimed rows after their 5-minute claim, by a cron call 6 minutes ahead)`);
  await checkOutboxExactlyOnce("the outbox run cut by the kill", { keyPrefix: "cluster-kill:" });

  startInstance(victim, cluster.fake.url);
  await waitUntilServing(instanceUrl(victim));
  log(`instance ${victim} started again (pid ${instancePid(victim)})`);
}

const liveLeases = async () => (await query<{ n: number }>("select count(*)::int as n from export_leases where expires_at > clock_timestamp()"))[0].n;

// Right after the kill the dead instance's export lease still counts (it holds one of the user's two
// slots until it expires): one more export on the survivor fills the other, a second is refused.
export async function deadSlotStillCounts(jar: Jar, survivor: InstanceName): Promise<void> {
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
export async function exportSlotFreed(jar: Jar, partialLines: number): Promise<void> {
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
