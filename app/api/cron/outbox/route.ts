// POST /api/cron/outbox — sends what is due in the email outbox, for platforms with an external cron (R-N7).
import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { authorizeCronRequest, cronNow } from "@/lib/http/cron-request";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";

export async function POST(request: Request) {
  try {
    authorizeCronRequest(request);
    const now = await cronNow(request);
    const result = await runOutboxWorker(await getDb(), { now });
    return Response.json({ ok: true, now: now.toISOString(), ...result });
  } catch (error) {
    return errorResponse(error);
  }
}
