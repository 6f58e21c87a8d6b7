// POST /api/cron/outbox — sends what is due in the email outbox, for platforms with an external cron (R-N7).
import { getDb } from "@/db/client";
import { withCronSecret } from "@/lib/http/route";
import { runOutboxWorker } from "@/lib/notifications/outbox/outbox-worker";

export const POST = withCronSecret(async ({ now }) => {
  const result = await runOutboxWorker(await getDb(), { now });
  return Response.json({ ok: true, now: now.toISOString(), ...result });
});
