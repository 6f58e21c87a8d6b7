import "server-only";
import { ensureDatabaseReady } from "@/db/ensure-ready";
import { env, EnvError, isDemoMode } from "@/lib/env";
import { startNotificationJobs } from "@/lib/notifications/scheduler";
import { claimDataDir } from "./data-dir-lock";

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
      console.error(`[billing-portal] ${name} must be set outside demo mode.`);
      process.exit(1);
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
    console.error(`[billing-portal] ${error.message}`);
    process.exit(1);
  }
}
