import "server-only";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

export type { Logger } from "pino";

// The portal's one logger: a JSON line per request (scripts/serve.mjs through
// lib/server/portal-server.ts), per job run (lib/notifications/scheduler.ts) and per error, on
// stdout, with `time` (ISO), `level` (a word), `msg` and the fields the caller gives. Callers pass
// ids, counts and durations, never request bodies: passwords, tokens, card numbers and CSV rows
// never reach a log line. The redact list is a second line of defence for a careless `err` object.
const REDACTED = ["password", "newPassword", "currentPassword", "token", "secret", "authorization", "cookie", "cardNumber", "number", "cvc"];

// A wrong setting is itself reported through the logger (lib/server/start.ts), so the level falls
// back to info rather than throwing when the settings do not parse.
function level(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

function createLogger(): Logger {
  return pino(
    {
      level: level(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED, ...REDACTED.map((key) => `*.${key}`)], censor: "[redacted]" },
    },
    // Synchronous, so the lines written just before process.exit (start-up refusals, shutdown) are not lost.
    pino.destination({ dest: 1, sync: true }),
  );
}

const globalLog = globalThis as unknown as { __billingLogger?: Logger };

// Kept on globalThis: Next bundles instrumentation, pages and route handlers separately, and the
// server entry reaches it through lib/server/portal-server.ts; all of them write through one instance.
export function logger(): Logger {
  globalLog.__billingLogger ??= createLogger();
  return globalLog.__billingLogger;
}

// An Error as log fields: name, message and stack, never its enumerable extras (a pg error carries
// the failing statement's parameters in `detail`/`where`, which may hold customer data).
export function errorFields(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "NonError", message: String(error) };
}
