import "server-only";
import { getDb } from "@/db/client";
import { runOutboxWorker } from "./outbox/outbox-worker";

// The outbox job on the portal's own database, as the in-process scheduler and the cron route run
// it, on every instance at once. Note: it acts across every account by design (R-N7); the per-email
// guarantee comes from the database (SKIP LOCKED claims). The reminder sweep runs on one instance at
// a time: sweep-leader.ts.
export async function sendDueEmails(now: Date = new Date()) {
  return runOutboxWorker(await getDb(), { now });
}
