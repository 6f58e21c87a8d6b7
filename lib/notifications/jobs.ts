import "server-only";
import { getDb } from "@/db/client";
import { runOutboxWorker } from "./outbox/outbox-worker";
import { runReminderSweep } from "./reminder-sweep";

// The two notification jobs on the portal's own database, as the in-process scheduler and the
// cron routes run them. Note: both act across every account by design (R-N7); the per-user
// guarantees come from the database (unique notification key, SKIP LOCKED outbox claims).
export async function sweepReminders(now: Date = new Date()) {
  return runReminderSweep(await getDb(), now);
}

export async function sendDueEmails(now: Date = new Date()) {
  return runOutboxWorker(await getDb(), { now });
}
