// npm run test:cluster — the portal as it runs in production (issue 15 item 3): its own throwaway
// PostgreSQL, PgBouncer in transaction mode, two app instances through it and nginx in front
// (TRUSTED_PROXY_COUNT=1), all on loopback. It checks sessions and throttles across instances, the
// reminder sweep from both instances at once over a time-travelled month (compared with the same
// month swept by one process on a copy of the database), a SIGKILL in the middle of a CSV export and
// of an outbox run, and a PostgreSQL restart under load; it prints req/s through nginx with one and
// two instances. Needs a production build (`next build`; CLUSTER_SKIP_BUILD=1 reuses the last one).
import { spawnSync } from "node:child_process";
import { getPage } from "./cluster/http";
import { cluster } from "./cluster/context";
import { killMidExportAndOutbox } from "./cluster/kill-mid-run";
import { restartPostgresUnderLoad } from "./cluster/restarts";
import { sessionsAcrossInstances, throughput } from "./cluster/sessions";
import { setUp } from "./cluster/set-up";
import { sweepsFromBothInstances } from "./cluster/sweeps";
import { failedChecks, instanceUrl, log, METRICS_TOKEN, stopAll } from "./cluster/topology";

async function metricsPage(): Promise<void> {
  const metrics = await getPage(`${instanceUrl("a")}/api/metrics`, undefined, { authorization: `Bearer ${METRICS_TOKEN}` });
  log(metrics.status === 200 ? `/api/metrics on a:\n${metrics.body}` : `/api/metrics on a: ${metrics.status} (not in this build, or METRICS_TOKEN unset)`);
}

async function main(): Promise<void> {
  if (process.env.CLUSTER_SKIP_BUILD !== "1") {
    log("next build …");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
    if (build.status !== 0) throw new Error("next build failed");
    // Completes .next/standalone (as `npm run build` does): the instances' entry.
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
  await cluster.db?.end().catch(() => undefined);
  await cluster.fake?.close();
  await stopAll();
  log("stopped everything it started");
}
const failed = failedChecks();
if (failed.length) console.log(`\n${failed.length} check(s) failed:\n  ${failed.join("\n  ")}`);
else if (exitCode === 0) console.log("\nall checks passed");
process.exit(failed.length || exitCode ? 1 : 0);
