import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { signIn } from "../scripts/sign-in-client";

// The portal's pages under load (issue 14): builds and starts the production server on this
// bench's own PostgreSQL database with the demo data, signs in as billing@acme through the real
// next-auth endpoints (csrf token, credentials callback), then for the three tabs and an
// invoice's details prints the bytes of HTML (and of it the inline RSC payload), the SQL
// statements one request runs, and req/s and p95 under `wrk` at concurrency 8, side by side
// with a bare Next.js page of 25 rows (bench/bare-next) from the same Next version, loaded in
// slices alternating with each page so each ratio compares runs made in the same moments.
// Then 200 requests at once (the four pages in turn): every one must be answered, and the
// server's peak RSS growth is printed (issue 14 item 5).
// Last, the Settings page, the portal's frame around two links: how fast a page inside the frame
// can be at all, printed beside the targets as a yardstick (see the note under the table).
// BENCH_SKIP_BUILD=1 reuses the existing builds; BENCH_SECONDS sets each load run's length.

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const BARE_DIR = path.join("bench", "bare-next");
const PORT = Number(process.env.BENCH_PORT ?? 3291);
const BARE_PORT = PORT + 1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = 8;
const EMAIL = "billing@acme.example";
const PASSWORD = "demo-pass-123";

type Server = { child: ChildProcess; statements: () => number };
type Load = { rps: number; p95Ms: number; errors: number };

function build(args: string[]) {
  const result = spawnSync(process.execPath, [NEXT, "build", ...args], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`next build ${args.join(" ")} failed`);
  // The portal's build is completed into its deployable form, as `npm run build` does.
  if (args.length === 0 && spawnSync(process.execPath, ["scripts/standalone.mjs"], { stdio: ["ignore", "ignore", "inherit"] }).status !== 0)
    throw new Error("scripts/standalone.mjs failed");
}

// Starts the portal as deployed (node .next/standalone/server.js, request log lines included) or
// the bare page with `next start`; with LOG_SQL_STATEMENTS=1 the portal prints one line per SQL
// statement, which is how the statements of one request are counted.
async function start(args: string[], port: number, env: Record<string, string>): Promise<Server> {
  const command = args.length ? [NEXT, "start", ...args, "-p", String(port)] : [path.join(".next", "standalone", "server.js")];
  const child = spawn(process.execPath, command, { env: { ...process.env, HOSTNAME: "127.0.0.1", PORT: String(port), ...env }, stdio: ["ignore", "pipe", "inherit"] });
  let statements = 0;
  child.stdout!.on("data", (chunk: Buffer) => {
    statements += chunk
      .toString()
      .split("\n")
      .filter((line) => line.startsWith("[sql]")).length;
  });
  const server = { child, statements: () => statements };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start ${args.join(" ")} on port ${port} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/${args.length ? "" : "sign-in"}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    if (Date.now() > deadline) {
      await stop(server);
      throw new Error(`next start on port ${port} did not answer`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function stop(server: Server | undefined) {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  await once(server.child, "exit");
}

// The session cookie, from the same two requests the sign-in form makes.
async function signInCookie(base: string): Promise<string> {
  const jar = await signIn(base, EMAIL, PASSWORD);
  if (!jar.sessionSet) throw new Error(`sign-in as ${EMAIL} failed`);
  return jar.cookie;
}

type Weight = { html: number; rsc: number; body: string };

// The page as a browser receives it (uncompressed), and how much of it is the inline RSC payload.
async function weigh(url: string, cookie: string): Promise<Weight> {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const body = await response.text();
  // The portal's scripts carry a CSP nonce attribute, the bare page's none.
  const rsc = [...body.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((sum, m) => sum + Buffer.byteLength(m[1]), 0);
  return { html: Buffer.byteLength(body), rsc, body };
}

// Statements per request: the portal's [sql] lines during a few sequential requests.
async function statementsPerRequest(server: Server, url: string, cookie: string): Promise<number> {
  const times = 3;
  const before = server.statements();
  for (let i = 0; i < times; i++) await (await fetch(url, { headers: { cookie } })).text();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return (server.statements() - before) / times;
}

// wrk's --latency table stops at 90% and 99%; this script prints the 95th percentile (µs).
const P95_SCRIPT = `done = function(summary, latency, requests) io.write(string.format("p95_us %d\\n", latency:percentile(95))) end`;

function parseWrk(output: string): Load {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p95 = Number(/p95_us (\d+)/.exec(output)?.[1]);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) + Number(/Socket errors:.*?timeout (\d+)/.exec(output)?.[1] ?? 0);
  if (!Number.isFinite(rps) || !Number.isFinite(p95)) throw new Error(`could not read wrk's output:\n${output}`);
  return { rps, p95Ms: p95 / 1000, errors };
}

async function load(url: string, cookie?: string, seconds = SECONDS): Promise<Load> {
  const script = path.join(tmpdir(), "bench-page-load-p95.lua");
  writeFileSync(script, P95_SCRIPT);
  const args = ["-t", "2", "-c", String(CONCURRENCY), "-d", `${seconds}s`, "-s", script, ...(cookie ? ["-H", `Cookie: ${cookie}`] : []), url];
  const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`wrk exited with ${code} (apt-get install wrk)`);
  return parseWrk(output);
}

// A page and the bare page in alternating slices (ROUNDS of each, SECONDS in all for each): on a
// shared machine the load of other work drifts from minute to minute, so each ratio compares
// runs made in the same moments. req/s over all slices; p95 and errors: the median p95, the sum.
const ROUNDS = 4;
async function loadPaired(url: string, cookie: string, bareUrl: string): Promise<{ page: Load; bare: Load }> {
  const slice = Math.max(1, Math.round(SECONDS / ROUNDS));
  const pages: Load[] = [];
  const bares: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bares.push(await load(bareUrl, undefined, slice));
    pages.push(await load(url, cookie, slice));
  }
  const combine = (runs: Load[]): Load => ({
    rps: runs.reduce((sum, run) => sum + run.rps, 0) / runs.length,
    p95Ms: runs.map((run) => run.p95Ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)],
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  });
  return { page: combine(pages), bare: combine(bares) };
}

// The server process's resident set, in bytes (Linux).
function rssOf(pid: number): number {
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kib * 1024;
}

type Burst = { answered: number; failed: string[]; p50Ms: number; maxMs: number; rssBefore: number; rssPeak: number };

// `count` requests at once, spread over `urls`, while the server's RSS is sampled every 20 ms.
async function burst(pid: number, urls: string[], cookie: string, count: number): Promise<Burst> {
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 20);
  const failed: string[] = [];
  const times: number[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const started = performance.now();
        try {
          const response = await fetch(urls[i % urls.length], { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(120_000) });
          await response.arrayBuffer();
          if (response.status !== 200) failed.push(`HTTP ${response.status}`);
        } catch (error) {
          failed.push(String(error));
        }
        times.push(performance.now() - started);
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  rssPeak = Math.max(rssPeak, rssOf(pid));
  times.sort((a, b) => a - b);
  return { answered: count - failed.length, failed, p50Ms: times[Math.floor(times.length / 2)], maxMs: times.at(-1)!, rssBefore, rssPeak };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchPageLoad(driver: "pg" | "pglite"): Promise<void> {
  console.log(`\nPage load: the portal's pages against a bare Next.js page, wrk at concurrency ${CONCURRENCY} for ${SECONDS} s each`);
  if (driver !== "pg") {
    console.log("  skipped: needs DATABASE_URL (the server and the bench share one PostgreSQL database).");
    return;
  }
  if (spawnSync("wrk", ["--version"]).error) throw new Error("wrk is not installed (apt-get install wrk)");
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    build([]);
    build([BARE_DIR]);
  }
  let portal: Server | undefined;
  let bare: Server | undefined;
  try {
    const portalEnv = {
      PORT: String(PORT),
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXTAUTH_SECRET: "bench-secret-not-for-production",
      PORTAL_DEMO_MODE: "on",
      NOTIFICATION_JOBS: "off",
      SIGN_IN_LIMIT_PER_IP: "100000",
    };
    // First with a line per SQL statement, to count them; then restarted as deployed (no such
    // lines, which would cost the server a write per statement and this process a read) for the
    // load runs. The session row lives in the database, so the cookie outlives the restart.
    portal = await start([], PORT, { ...portalEnv, LOG_SQL_STATEMENTS: "1" });
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signInCookie(base);

    const pages: [string, string][] = [
      ["Open invoices", `${base}/account/invoices`],
      ["Recent invoices", `${base}/account/invoices?tab=recent`],
      ["Recent payments", `${base}/account/invoices?tab=payments`],
    ];
    const recent = await weigh(pages[1][1], cookie);
    const details = /href="(\/account\/invoices\/[0-9a-f-]{36})"/.exec(recent.body)?.[1];
    if (!details) throw new Error("no invoice link on the Recent tab");
    pages.push(["Invoice details", `${base}${details}`]);

    // Not a target, a yardstick: the portal's frame (top bar, bell, navigation, the session check)
    // around a page of two links. Its ratio is the most any page inside the frame can reach.
    const frameOnly: [string, string] = ["Settings (frame only)", `${base}/settings`];
    const measured = [];
    for (const [page, url] of [...pages, frameOnly]) measured.push({ page, url, weight: await weigh(url, cookie), statements: await statementsPerRequest(portal, url, cookie) });
    await stop(portal);
    portal = await start([], PORT, portalEnv);
    bare = await start([BARE_DIR], BARE_PORT, {});

    const bareUrl = `http://127.0.0.1:${BARE_PORT}/`;
    const bareWeight = await weigh(bareUrl, "");
    const bareLoad = await load(bareUrl);
    const rows = [{ page: "bare Next.js, 25 rows", weight: bareWeight, statements: 0, load: bareLoad, bare: bareLoad }];
    for (const { page, url, weight, statements } of measured) {
      const paired = await loadPaired(url, cookie, bareUrl);
      rows.push({ page, weight, statements, load: paired.page, bare: paired.bare });
    }

    console.log("  page                    HTML (RSC)           SQL  req/s   bare req/s alongside  ×bare  p95 ms  errors");
    for (const row of rows) {
      const ratio = row.load.rps / row.bare.rps;
      console.log(
        `  ${row.page.padEnd(22)}  ${kb(row.weight.html).padStart(8)} (${kb(row.weight.rsc).padStart(8)})  ${String(row.statements).padStart(4)}  ${row.load.rps.toFixed(1).padStart(6)}  ${row.bare.rps.toFixed(1).padStart(20)}  ${ratio.toFixed(2).padStart(5)}×  ${row.load.p95Ms.toFixed(1).padStart(6)}  ${row.load.errors}`,
      );
    }
    console.log("  (Settings is the frame every portal page renders around its content: no page inside it can beat that ratio.)");

    const CONCURRENT = 200;
    const result = await burst(
      portal.child.pid!,
      pages.map(([, url]) => url),
      cookie,
      CONCURRENT,
    );
    console.log(
      `  ${CONCURRENT} requests at once (the four pages in turn): ${result.answered}/${CONCURRENT} answered 200, p50 ${result.p50Ms.toFixed(0)} ms, slowest ${result.maxMs.toFixed(0)} ms; ` +
        `server RSS ${mb(result.rssBefore)} before, ${mb(result.rssPeak)} at peak: growth ${mb(result.rssPeak - result.rssBefore)} (target ≤ 300 MB)`,
    );
    if (result.failed.length > 0) console.log(`  not answered: ${[...new Set(result.failed)].join(", ")}`);
  } finally {
    await stop(portal);
    await stop(bare);
  }
}
