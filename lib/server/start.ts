import "server-only";
import { ensureDatabaseReady } from "@/db/ensure-ready";
import { isDemoMode } from "@/lib/env";
import { claimDataDir } from "./data-dir-lock";

// Server start-up: refuse unsafe production settings, take the embedded database's lock,
// migrate and seed. Background jobs (reminders, outbox) are started here by their issues.
export async function startServer(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET && !isDemoMode()) {
    console.error("[billing-portal] NEXTAUTH_SECRET must be set outside demo mode.");
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) claimDataDir();
  await ensureDatabaseReady();
}
