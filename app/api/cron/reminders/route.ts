// POST /api/cron/reminders — the reminder sweep, for platforms with an external cron (R-N7).
import { getDb } from "@/db/client";
import { withCronSecret } from "@/lib/http/route";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";

export const POST = withCronSecret(async ({ now }) => {
  const result = await runReminderSweep(await getDb(), now);
  return Response.json({ ok: true, now: now.toISOString(), ...result });
});
