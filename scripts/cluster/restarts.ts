import { cron, getPage, signIn, sleep, waitFor, wrk, type Jar } from "./http";
import { PASSWORD } from "./context";
import { check, instanceUrl, log, nginxUrl, restartPgBouncer, restartPostgres, type InstanceName } from "./topology";

// PostgreSQL, then PgBouncer, restarted under load: the instances recover by themselves.

export async function restartPostgresUnderLoad(): Promise<void> {
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
export async function timeFirstAnswers(jar: Jar, since: number): Promise<Record<InstanceName, number | null>> {
  const first = async (name: InstanceName) => {
    const answered = await waitFor(`instance ${name} answering`, pageAnswers(name, jar), 60_000, 200).catch(() => false);
    return answered ? (Date.now() - since) / 1000 : null;
  };
  const [a, b] = await Promise.all([first("a"), first("b")]);
  return { a, b };
}

// Each instance answers again by itself after an outage; then ten pages and an outbox run (a
// write) must all succeed.
export async function checkRecovered(jar: Jar, after: string, firstAnswer: Record<InstanceName, number | null>): Promise<void> {
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
