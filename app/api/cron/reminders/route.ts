// POST /api/cron/reminders — the reminder sweep, for platforms with an external cron (R-N7).
import { errorResponse } from "@/lib/errors";
import { authorizeCronRequest, cronNow } from "@/lib/http/cron-request";
import { sweepReminders } from "@/lib/notifications/jobs";

export async function POST(request: Request) {
  try {
    authorizeCronRequest(request);
    const now = await cronNow(request);
    const result = await sweepReminders(now);
    return Response.json({ ok: true, now: now.toISOString(), ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
