import "server-only";
import { ensureDatabaseReady } from "@/db/ensure-ready";
import { env, EnvError, isDemoMode } from "@/lib/env";
import { logger } from "@/lib/log";
import { startNotificationJobs } from "@/lib/notifications/scheduler";
import { claimDataDir } from "./data-dir-lock";
import { servePortal } from "./http-server";

// What the production server entry (scripts/standalone-server.mjs, copied to
// .next/standalone/server.js) takes from the app once Next has run this hook: plain JavaScript
// outside the bundle cannot import lib/, so the app hands it over through the promise the entry
// left on globalThis (absent under `next dev`, where nobody waits for it).
export type PortalEntry = { servePortal: typeof servePortal };
type EntryWaiting = { resolve: (entry: PortalEntry) => void; reject: (error: unknown) => void };
const entryWaiting = () => (globalThis as unknown as { __billingPortalEntry?: EntryWaiting }).__billingPortalEntry;

// instrumentation.ts: start, and tell the entry how it went (it listens only after a good start).
export async function startServerForEntry(): Promise<void> {
  try {
    await startServer();
  } catch (error) {
    entryWaiting()?.reject(error);
    throw error;
  }
  entryWaiting()?.resolve({ servePortal });
}

// Server start-up: refuse wrong or unsafe settings, take the embedded database's lock, migrate and
// seed, then start the background jobs (reminder sweep, email outbox). `next build` never gets
// here (instrumentation.ts returns early in the build phase).
export async function startServer(): Promise<void> {
  const settings = validSettingsOrExit();
  if (settings.NODE_ENV === "production" && !isDemoMode()) {
    // Outside demo mode the session key must be shared by every instance, and every link in an
    // email must point at the one public origin rather than at whatever Host a request carried.
    for (const name of ["NEXTAUTH_SECRET", "NEXTAUTH_URL"] as const) {
      if (settings[name]) continue;
      refuseToStart(`${name} must be set outside demo mode.`, name);
    }
  }
  if (!settings.DATABASE_URL) claimDataDir();
  await ensureDatabaseReady();
  if (settings.NEXT_PHASE !== "phase-production-build") startNotificationJobs();
}

// Note: a wrong setting stops the process here, with its name, instead of surfacing later as a
// NaN limit or a failed connection on the first request that happens to read it.
function validSettingsOrExit() {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return refuseToStart(error.message, error.problems.map((problem) => problem.setting).join(", "));
  }
}

// One fatal log line naming the setting, then exit 1.
function refuseToStart(message: string, setting: string): never {
  logger().fatal({ setting }, `[billing-portal] ${message}`);
  process.exit(1);
}
