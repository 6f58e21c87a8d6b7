// POST /api/cron/reminders — the reminder sweep, for platforms with an external cron (R-N7).
import { withCronSecret } from "@/lib/http/route";
import { sweepReminders } from "@/lib/notifications/jobs";

export const POST = withCronSecret(async ({ now }) => {
  const result = await sweepReminders(now);
  return Response.json({ ok: true, now: now.toISOString(), ...result });
});
