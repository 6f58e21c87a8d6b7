import "server-only";
import path from "node:path";
import { z } from "zod";

// Every setting the portal reads from the environment, typed and defaulted in this one module
// (.env.example documents each). The defaults make `npm run dev` work with no .env at all.
// Note: `env()` reads process.env on every call rather than once, because tests change variables
// between cases; lib/server/start.ts calls it at start so that a wrong value stops the server.

// `FOO=` in an env file means "not set", not "set to nothing".
const setting = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

function wholeNumber(min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) {
  const message = max === Number.MAX_SAFE_INTEGER ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`;
  return setting(z.string().trim().regex(/^\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message)).default(fallback));
}

function url(protocols: readonly string[], example: string) {
  const valid = (value: string) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  };
  return z.string().trim().refine(valid, `must be a URL like ${example}`);
}

const FLAGS = { on: true, true: true, "1": true, off: false, false: false, "0": false } as const;
const flag = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(Object.keys(FLAGS) as [keyof typeof FLAGS], "must be on or off"))
    .transform((value) => FLAGS[value]);

const text = () => setting(z.string().trim().optional());

const envSchema = z.object({
  NODE_ENV: setting(z.enum(["development", "production", "test"], "must be development, production or test").default("development")),
  // Set by Next.js itself (`next build` runs the server modules once in this phase).
  NEXT_PHASE: text(),
  // The port the server listens on; the stand-in origin for links while NEXTAUTH_URL is unset.
  PORT: wholeNumber(1, 3000),
  // The address the standalone entry listens on (scripts/standalone-server.mjs reads PORT and
  // HOSTNAME itself, before this module can load; listed here to be documented and checked).
  HOSTNAME: setting(z.string().trim().default("0.0.0.0")),
  // After SIGTERM, how long in-flight requests (exports included) and a running job may take
  // before the server cuts them off and exits (scripts/serve.mjs, lib/server/shutdown.ts).
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 25_000),
  // The least severe JSON log line written (lib/log.ts).
  LOG_LEVEL: setting(z.enum(["debug", "info", "warn", "error", "silent"], "must be debug, info, warn, error or silent").default("info")),

  // Database: PostgreSQL through pg when set, else the embedded PGlite under PGLITE_DIR.
  DATABASE_URL: setting(url(["postgres:", "postgresql:"], "postgres://user@host:5432/database").optional()),
  DATABASE_POOL_MAX: wholeNumber(1, 10),
  // Connections for CSV exports streamed by COPY, apart from the pages' pool: each download holds
  // one while the client reads, so more exports than this at once wait for a free one.
  EXPORT_POOL_MAX: wholeNumber(1, 4),
  PGLITE_DIR: text(),
  // Where the embedded database (unless PGLITE_DIR) and the generated session key live: .data in
  // the working directory by default. The standalone entry sets it to the directory it was started
  // from, so `npm run build` (which empties .next) never takes the demo database with it.
  DATA_DIR: text(),
  // One "[sql]" log line per statement (bench/page-load.ts counts round trips with it).
  LOG_SQL_STATEMENTS: setting(flag().default(false)),

  // Sessions (next-auth reads NEXTAUTH_SECRET and NEXTAUTH_URL itself as well).
  NEXTAUTH_SECRET: text(),
  // The public origin; appBaseUrl() says what stands in for it when unset.
  NEXTAUTH_URL: setting(url(["http:", "https:"], "https://billing.example.com").optional()),
  SESSION_MAX_AGE_SECONDS: wholeNumber(60, 8 * 60 * 60),
  SESSION_IDLE_TIMEOUT_SECONDS: wholeNumber(60, 30 * 60),
  SIGN_IN_LIMIT_PER_EMAIL: wholeNumber(1, 5),
  SIGN_IN_LIMIT_PER_IP: wholeNumber(1, 20),
  TRUSTED_PROXY_COUNT: wholeNumber(0, 0),

  // Demo mode: unset means on with the embedded database, off with DATABASE_URL (isDemoMode).
  PORTAL_DEMO_MODE: setting(flag().optional()),
  PORTAL_PROVIDER_NAME: setting(z.string().trim().default("Northwind Cloud")),

  // Email: without RESEND_API_KEY emails are kept in the development mailbox instead of sent.
  RESEND_API_KEY: text(),
  // Read by the resend SDK itself; validated here so a typo fails at start, not at the first send.
  RESEND_BASE_URL: setting(url(["http:", "https:"], "https://api.resend.com").optional()),
  EMAIL_FROM: text(),
  EMAIL_SEND_TIMEOUT_MS: wholeNumber(1, 15_000),

  // Background jobs: off when an external cron calls /api/cron/* with CRON_SECRET.
  NOTIFICATION_JOBS: setting(flag().default(true)),
  REMINDER_SWEEP_INTERVAL_MS: wholeNumber(1000, 15 * 60_000),
  OUTBOX_INTERVAL_MS: wholeNumber(1000, 30_000),
  // Emails of a claimed outbox batch in flight at once; Resend's 429s are honoured by the backoff.
  OUTBOX_CONCURRENCY: wholeNumber(1, 1, 64),
  // The most reminder notifications the sweep writes per transaction.
  REMINDER_BATCH_SIZE: wholeNumber(1, 1_000, 20_000),
  // Days of reminder_sweeps rows kept (one per run); each sweep deletes older ones.
  REMINDER_SWEEPS_KEEP_DAYS: wholeNumber(1, 30, 3650),
  CRON_SECRET: text(),
  // Lets POST /api/cron/* take {"now": …} in production too (time travel for the topology test,
  // scripts/cluster.ts). Never on in a real deployment: whoever holds CRON_SECRET could then send
  // reminders early. Outside production the override is always accepted.
  CRON_TIME_TRAVEL: setting(flag().default(false)),
  // How long a cluster-wide job's leader lease (the reminder sweep, lib/jobs/job-lease.ts) outlives
  // its last renewal: the leader renews it every third of this, and when the leader dies another
  // instance takes over within this plus one renewal interval (30 s default: under a minute).
  JOB_LEASE_SECONDS: wholeNumber(3, 30, 600),
  // How long an export's slot outlives its last renewal (renewed every quarter of this while bytes
  // flow), so the slots of an instance that died mid-download free themselves after at most this.
  EXPORT_LEASE_SECONDS: wholeNumber(4, 120, 3600),
  // Bearer token for GET /api/metrics (Prometheus); unset, the metrics page answers 404.
  METRICS_TOKEN: text(),
});

export type Env = z.output<typeof envSchema>;

// A wrong setting, named. Values are not repeated in the message: some are secrets.
export class EnvError extends Error {
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(`Invalid environment settings (see .env.example):\n${problems.map((p) => `  ${p.setting}: ${p.message}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => ({ setting: String(issue.path[0]), message: issue.message })));
}

// The settings the schema reads, in its order: what the last parse is remembered by.
const ENV_KEYS = Object.keys(envSchema.shape) as (keyof Env)[];
let lastParsed: { fingerprint: string; settings: Env } | undefined;

// The current settings; throws EnvError naming every wrong one. Parsing the schema is a visible
// share of a page request's CPU and env() is called many times per request, so the result is
// kept while the raw values it was parsed from stay the same (tests change them between cases).
export function env(): Env {
  const fingerprint = ENV_KEYS.map((key) => process.env[key] ?? "\u0000").join("\u0001");
  if (lastParsed?.fingerprint === fingerprint) return lastParsed.settings;
  const settings = parseEnv(process.env);
  lastParsed = { fingerprint, settings };
  return settings;
}

// The portal's own files outside the database (see DATA_DIR). Note: a path only known at run
// time, so the build is told not to trace it; otherwise Next copied the whole project (tests,
// scripts, docs) into .next/standalone to be safe.
export function dataDir(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env().DATA_DIR ?? ".data");
}

export function providerName(): string {
  return env().PORTAL_PROVIDER_NAME;
}

// The provider's postal address as printed on invoices; `\n` in the variable separates lines.
export function providerAddress(): string {
  return (process.env.PORTAL_PROVIDER_ADDRESS?.trim() || "Northwind Cloud, Inc.\n500 Harbor Way, Suite 300\nSeattle, WA 98101\nUnited States").replace(/\\n/g, "\n");
}

// Demo mode seeds demo data and lists the demo users on the sign-in page. On by default with
// the embedded database, off by default against a real PostgreSQL server.
export function isDemoMode(): boolean {
  const { PORTAL_DEMO_MODE, DATABASE_URL } = env();
  return PORTAL_DEMO_MODE ?? !DATABASE_URL;
}

// The portal's public origin, for links in emails and the dev mailbox: NEXTAUTH_URL, else (in
// development and demo mode, where start-up allows it to be missing) the origin the latest request
// came in on, so `npm run dev -- -p 3101` links to port 3101. Note: only loopback origins are
// remembered, so a forged Host header cannot put another site into a password-reset link.
export function appBaseUrl(): string {
  const { NEXTAUTH_URL, PORT } = env();
  if (NEXTAUTH_URL) return NEXTAUTH_URL.replace(/\/$/, "");
  return (globalThis as { __portalOrigin?: string }).__portalOrigin ?? `http://localhost:${PORT}`;
}

export function rememberRequestOrigin(origin: string): void {
  if (env().NEXTAUTH_URL) return;
  if (/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin)) (globalThis as { __portalOrigin?: string }).__portalOrigin = origin;
}

// Sessions end after this long without a request (idle timeout) …
export function sessionIdleTimeoutSeconds(): number {
  return env().SESSION_IDLE_TIMEOUT_SECONDS;
}

// … and at the latest this long after sign-in (absolute lifetime), whatever the activity.
export function sessionMaxAgeSeconds(): number {
  return env().SESSION_MAX_AGE_SECONDS;
}

// Sign-in attempts per account (or per remembered device) before the growing backoff starts, and
// failed attempts per client IP in 15 minutes (counted only when the IP can be trusted).
export function signInLimits(): { perAccount: number; perIp: number } {
  const { SIGN_IN_LIMIT_PER_EMAIL, SIGN_IN_LIMIT_PER_IP } = env();
  return { perAccount: SIGN_IN_LIMIT_PER_EMAIL, perIp: SIGN_IN_LIMIT_PER_IP };
}

// Reverse proxies in front of the app that append the connecting address to X-Forwarded-For.
// 0 (the default): the header is written by the client and is ignored.
export function trustedProxyCount(): number {
  return env().TRUSTED_PROXY_COUNT;
}
