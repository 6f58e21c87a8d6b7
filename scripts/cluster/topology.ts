// The processes of the topology test (scripts/cluster.ts): a throwaway PostgreSQL of its own, PgBouncer
// in transaction mode in front of it, app instances through PgBouncer and nginx in front of them, all
// on loopback ports 3900..3999 under one temp directory. Everything started here is registered and
// stopped by stopAll(), which also runs on exit and on SIGINT/SIGTERM.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PORTS = { nginx: 3900, nginxOne: 3905, postgres: 3901, bouncer: 3902, fakeResend: 3903, a: 3911, b: 3912 } as const;
export type InstanceName = "a" | "b";
export const DATABASE = "cluster_portal";
export const REFERENCE_DATABASE = "cluster_reference";

const started = performance.now();
// One line per event, with the seconds since the script started: what was killed when, what each check saw.
export function log(message: string): void {
  console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
}

const failures: string[] = [];
export function check(ok: boolean, what: string, saw: string): void {
  log(`${ok ? "CHECK ok  " : "CHECK FAIL"} ${what}: ${saw}`);
  if (!ok) failures.push(what);
}
export const failedChecks = () => [...failures];

// PostgreSQL's server programs (initdb, pg_ctl) run as the postgres user when this runs as root.
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}
const pgUser = postgresUser();
const asPostgres: SpawnOptions = pgUser ? { uid: pgUser.uid, gid: pgUser.gid } : {};

function pgBin(program: string): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((x, y) => Number(y) - Number(x));
  return path.join("/usr/lib/postgresql", versions[0], "bin", program);
}

export const dir = mkdtempSync("/tmp/cluster-");
const ownedByPostgres = (p: string) => {
  mkdirSync(p, { recursive: true });
  if (pgUser) chownSync(p, pgUser.uid, pgUser.gid);
  return p;
};
ownedByPostgres(dir);

const children = new Map<string, ChildProcess>();
let postgresRunning = false;

function logFile(name: string): number {
  const fd = openSync(path.join(dir, `${name}.log`), "a");
  if (pgUser) chownSync(path.join(dir, `${name}.log`), pgUser.uid, pgUser.gid);
  return fd;
}

// Starts a long-running process in its own process group (so a kill reaches all it spawned),
// output to <dir>/<name>.log.
function startProcess(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const out = logFile(name);
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", out, out] });
  closeSync(out);
  children.set(name, child);
  child.on("exit", () => {
    if (children.get(name) === child) children.delete(name);
  });
  return child;
}

export function killProcess(name: string, signal: NodeJS.Signals): void {
  const child = children.get(name);
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopProcess(name: string): Promise<void> {
  const child = children.get(name);
  if (!child) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killProcess(name, "SIGTERM");
  const late = setTimeout(() => killProcess(name, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(late);
}

// ---- PostgreSQL (our own; never the machine's shared server) ----
const pgData = path.join(dir, "pgdata");
const pgOptions = `-p ${PORTS.postgres} -c listen_addresses=127.0.0.1 -k ${ownedByPostgres(path.join(dir, "pgsocket"))} -c fsync=off -c synchronous_commit=off -c max_connections=100`;

function pgCtl(...args: string[]): void {
  const result = spawnSync(pgBin("pg_ctl"), ["-D", pgData, "-l", path.join(dir, "postgres.log"), "-w", "-t", "60", ...args], { ...asPostgres, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pg_ctl ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

export function startPostgres(): void {
  const init = spawnSync(pgBin("initdb"), ["-D", pgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], { ...asPostgres, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  writeFileSync(path.join(dir, "postgres.log"), "");
  if (pgUser) chownSync(path.join(dir, "postgres.log"), pgUser.uid, pgUser.gid);
  pgCtl("-o", pgOptions, "start");
  postgresRunning = true;
}

export function restartPostgres(): void {
  pgCtl("-m", "fast", "-o", pgOptions, "restart");
}

export const directUrl = (database: string) => `postgres://postgres@127.0.0.1:${PORTS.postgres}/${database}`;
export const bouncerUrl = `postgres://postgres@127.0.0.1:${PORTS.bouncer}/${DATABASE}`;

// ---- PgBouncer, transaction pooling ----
export function startPgBouncer(): void {
  const bouncerDir = ownedByPostgres(path.join(dir, "pgbouncer"));
  writeFileSync(path.join(bouncerDir, "userlist.txt"), '"postgres" ""\n');
  writeFileSync(
    path.join(bouncerDir, "pgbouncer.ini"),
    `[databases]
${DATABASE} = host=127.0.0.1 port=${PORTS.postgres} dbname=${DATABASE} user=postgres

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${PORTS.bouncer}
unix_socket_dir =
auth_type = trust
auth_file = ${bouncerDir}/userlist.txt
pool_mode = transaction
max_client_conn = 200
default_pool_size = 20
server_reset_query =
; After a failed server login (PostgreSQL restarting) PgBouncer refuses clients for this long
; before trying again; the default 15 s would keep every instance failing well after PostgreSQL is back.
server_login_retry = 1
ignore_startup_parameters = extra_float_digits,options
`,
  );
  startProcess("pgbouncer", "pgbouncer", [path.join(bouncerDir, "pgbouncer.ini")], asPostgres);
}

export async function restartPgBouncer(): Promise<void> {
  await stopProcess("pgbouncer");
  startProcess("pgbouncer", "pgbouncer", [path.join(dir, "pgbouncer", "pgbouncer.ini")], asPostgres);
  await waitUntilListening(PORTS.bouncer);
}

// ---- nginx: port 3900 balances over both instances, 3905 over instance a only (the one-instance
// throughput); `X-Cluster-Instance: a|b` pins a request to one instance (for the kill checks) ----
export function startNginx(): void {
  const nginxDir = path.join(dir, "nginx");
  mkdirSync(path.join(nginxDir, "temp"), { recursive: true });
  const proxy = `
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502;
      add_header X-Cluster-Upstream $upstream_addr always;`;
  writeFileSync(
    path.join(nginxDir, "nginx.conf"),
    `worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/temp/body;
  proxy_temp_path ${nginxDir}/temp/proxy;
  fastcgi_temp_path ${nginxDir}/temp/fastcgi;
  uwsgi_temp_path ${nginxDir}/temp/uwsgi;
  scgi_temp_path ${nginxDir}/temp/scgi;
  upstream portal { server 127.0.0.1:${PORTS.a} max_fails=1 fail_timeout=5s; server 127.0.0.1:${PORTS.b} max_fails=1 fail_timeout=5s; keepalive 16; }
  upstream portal_a { server 127.0.0.1:${PORTS.a}; keepalive 16; }
  upstream portal_b { server 127.0.0.1:${PORTS.b}; keepalive 16; }
  map $http_x_cluster_instance $portal_backend { default portal; a portal_a; b portal_b; }
  server {
    listen 127.0.0.1:${PORTS.nginx};
    location / { proxy_pass http://$portal_backend; ${proxy} }
  }
  server {
    listen 127.0.0.1:${PORTS.nginxOne};
    location / { proxy_pass http://portal_a; ${proxy} }
  }
}
`,
  );
  startProcess("nginx", "nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-e", path.join(nginxDir, "error.log"), "-g", "daemon off;"]);
}

// ---- app instances ----
export const CRON_SECRET = "cluster-cron-secret";
export const METRICS_TOKEN = "cluster-metrics-token";
export const SETTINGS = { JOB_LEASE_SECONDS: 6, EXPORT_LEASE_SECONDS: 15 } as const;

// How an app instance is started: the production entry (`npm start`, issue 15 item 1) with PORT
// and HOSTNAME; CLUSTER_SERVER=next-start runs Next's own `next start` instead.
export function appServerCommand(port: number): { command: string; args: string[]; env: Record<string, string> } {
  if (process.env.CLUSTER_SERVER === "next-start") {
    return { command: process.execPath, args: ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], env: { PORT: String(port) } };
  }
  return { command: process.execPath, args: [".next/standalone/server.js"], env: { PORT: String(port), HOSTNAME: "127.0.0.1" } };
}

export function instanceEnv(resendUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: bouncerUrl,
    DATABASE_POOL_MAX: "5",
    NEXTAUTH_SECRET: "cluster-secret-not-for-production",
    NEXTAUTH_URL: `http://127.0.0.1:${PORTS.nginx}`,
    TRUSTED_PROXY_COUNT: "1",
    PORTAL_DEMO_MODE: "on",
    SIGN_IN_LIMIT_PER_IP: "100000",
    CRON_SECRET,
    CRON_TIME_TRAVEL: "on",
    RESEND_API_KEY: "re_cluster_fake",
    RESEND_BASE_URL: resendUrl,
    OUTBOX_CONCURRENCY: "4",
    NOTIFICATION_JOBS: "on",
    // Timers rarely: the checks drive the jobs through the cron routes, except the leader's sweep
    // after start and after a takeover, which is what they check.
    REMINDER_SWEEP_INTERVAL_MS: "3600000",
    OUTBOX_INTERVAL_MS: "3600000",
    JOB_LEASE_SECONDS: String(SETTINGS.JOB_LEASE_SECONDS),
    EXPORT_LEASE_SECONDS: String(SETTINGS.EXPORT_LEASE_SECONDS),
    // For /api/metrics once the "observe" work adds it (bearer METRICS_TOKEN).
    METRICS_TOKEN,
  };
}

export const instanceUrl = (name: InstanceName) => `http://127.0.0.1:${PORTS[name]}`;
export const nginxUrl = `http://127.0.0.1:${PORTS.nginx}`;
export const nginxOneUrl = `http://127.0.0.1:${PORTS.nginxOne}`;

export function startInstance(name: InstanceName, resendUrl: string): ChildProcess {
  const { command, args, env } = appServerCommand(PORTS[name]);
  return startProcess(`app-${name}`, command, args, { env: { ...process.env, ...instanceEnv(resendUrl), ...env } });
}

export const instancePid = (name: InstanceName) => children.get(`app-${name}`)?.pid ?? null;
export const killInstance = (name: InstanceName) => killProcess(`app-${name}`, "SIGKILL");

// Readiness: /api/health once the "observe" work adds it, the sign-in page until then.
export async function waitUntilServing(base: string, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const probe of ["/api/health", "/sign-in"]) {
      try {
        const response = await fetch(base + probe, { redirect: "manual" });
        await response.arrayBuffer();
        if (response.status === 200) return probe;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`${base} did not become ready in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function waitUntilListening(port: number, timeoutMs = 20_000): Promise<void> {
  const { createConnection } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Stops everything still running, PostgreSQL last, and removes the temp directory (kept with
// CLUSTER_KEEP_DIR=1 for its logs).
export async function stopAll(): Promise<void> {
  for (const name of [...children.keys()].filter((n) => n.startsWith("app-") || n === "nginx")) await stopProcess(name);
  await stopProcess("pgbouncer");
  for (const name of [...children.keys()]) await stopProcess(name);
  if (postgresRunning) {
    postgresRunning = false;
    try {
      pgCtl("-m", "fast", "stop");
    } catch (error) {
      console.error(String(error));
    }
  }
  if (process.env.CLUSTER_KEEP_DIR !== "1" && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

// Last resort when the script dies without reaching stopAll (synchronous: 'exit' allows nothing else).
process.on("exit", () => {
  for (const name of [...children.keys()]) killProcess(name, "SIGKILL");
  if (postgresRunning) spawnSync(pgBin("pg_ctl"), ["-D", pgData, "-m", "immediate", "stop"], asPostgres);
});
