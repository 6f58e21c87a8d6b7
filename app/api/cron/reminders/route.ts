// POST /api/cron/reminders — the reminder sweep, for platforms with an external cron (R-N7).
import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { authorizeCronRequest, cronNow } from "@/lib/http/cron-request";
import { runReminderSweep } from "@/lib/notifications/reminder-sweep";

export async function POST(request: Request) {
  try {
    authorizeCronRequest(request);
    const now = await cronNow(request);
    const result = await runReminderSweep(await getDb(), now);
    return Response.json({ ok: true, now: now.toISOString(), ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
