// GET /api/health — liveness (issue 15 item 5): the process is up and answering. No database
// call, so a database outage never gets healthy instances restarted; /api/ready covers that.
import { withoutCaller } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withoutCaller(async () => Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }));
