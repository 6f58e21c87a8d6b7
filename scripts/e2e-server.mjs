// Starts the production build for Playwright on a fresh database: a new database on the
// PostgreSQL server when DATABASE_URL is set, a new embedded PGlite directory otherwise. Before
// the server opens it, e2e/support/seed-fixtures.ts migrates it and seeds the demo data plus the
// accounts the specs that change data own (e2e/support/fixture-accounts.ts).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  PORT: port,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production",
  PORTAL_DEMO_MODE: "on",
  // Many sign-ins come from 127.0.0.1 during the suite; the per-IP limit has its own integration test.
  SIGN_IN_LIMIT_PER_IP: "100000",
  CRON_SECRET: process.env.CRON_SECRET ?? "e2e-cron-secret",
  // e2e/observability.spec.ts reads the metrics page with it.
  METRICS_TOKEN: process.env.METRICS_TOKEN ?? "e2e-metrics-token",
  // No in-process timers: the suite runs the reminder sweep and the outbox through the cron routes,
  // so what a test sees does not depend on when a timer fired.
  NOTIFICATION_JOBS: "off",
};

if (process.env.DATABASE_URL) {
  const name = `billing_portal_e2e_${port}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dir = path.join(process.cwd(), ".data", `e2e-${port}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.pid`, { force: true });
  env.PGLITE_DIR = dir;
}

const seed = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "e2e/support/seed-fixtures.ts"], { env, stdio: "inherit" });
if (seed.status !== 0) process.exit(seed.status ?? 1);

// The production entry (`npm run build` made it), as deployed. Its JSON log lines (one per request)
// go to .data/e2e-<port>.server.log rather than into Playwright's output: e2e/logs.spec.ts reads
// them, and so does whoever investigates a failed spec. Its stderr stays in the output.
const serverLog = path.join(process.cwd(), ".data", `e2e-${port}.server.log`);
mkdirSync(path.dirname(serverLog), { recursive: true });
const logFile = createWriteStream(serverLog);
const server = spawn(process.execPath, [".next/standalone/server.js"], { env: { ...env, HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "pipe", "inherit"] });
server.stdout.pipe(logFile);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
