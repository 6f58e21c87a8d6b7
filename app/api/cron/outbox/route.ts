// POST /api/cron/outbox — sends what is due in the email outbox, for platforms with an external cron (R-N7).
import { withCronSecret } from "@/lib/http/route";
import { sendDueEmails } from "@/lib/notifications/jobs";

export const POST = withCronSecret(async ({ now }) => {
  const result = await sendDueEmails(now);
  return Response.json({ ok: true, now: now.toISOString(), ...result });
});
