import "server-only";
import { ensureDatabaseReady } from "@/db/ensure-ready";
import { isDemoMode } from "@/lib/env";
import { startNotificationJobs } from "@/lib/notifications/scheduler";
import { claimDataDir } from "./data-dir-lock";

// Server start-up: refuse unsafe production settings, take the embedded database's lock,
// migrate and seed, then start the background jobs (reminder sweep, email outbox). `next build`
// never gets here (instrumentation.ts returns early in the build phase).
export async function startServer(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !isDemoMode()) {
    // Outside demo mode the session key must be shared by every instance, and every link in an
    // email must point at the one public origin rather than at whatever Host a request carried.
    for (const name of ["NEXTAUTH_SECRET", "NEXTAUTH_URL"]) {
      if (process.env[name]) continue;
      console.error(`[billing-portal] ${name} must be set outside demo mode.`);
      process.exit(1);
    }
  }
  if (!process.env.DATABASE_URL) claimDataDir();
  await ensureDatabaseReady();
  if (process.env.NEXT_PHASE !== "phase-production-build") startNotificationJobs();
}
