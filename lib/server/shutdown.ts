import "server-only";
import { closeDb } from "@/db/client";
import { stopNotificationJobs } from "@/lib/notifications/scheduler";

// The app's half of a graceful shutdown, once no request is in flight any more (or the deadline
// passed): no new job runs, the one under way finishes its batch, then the pool closes, so no
// query is cut mid-transaction and PostgreSQL sees the connections end cleanly.
export async function stopBackgroundWork(): Promise<void> {
  await stopNotificationJobs();
  await closeDb();
}
