// POST /api/cron/reminders — the reminder sweep, for platforms with an external cron (R-N7). Runs
// only where the sweep's leader lease can be had: with several instances behind a load balancer,
// a call that lands beside a running sweep answers `ran: false` with the leader instead.
import { withCronSecret } from "@/lib/http/route";
import { sweepRemindersOnLeader } from "@/lib/notifications/sweep-leader";

export const POST = withCronSecret(async ({ now }) => {
  const result = await sweepRemindersOnLeader(now);
  return Response.json({ ok: true, now: now.toISOString(), ...result });
});
