// GET /api/ready — readiness (issue 15 item 5): 200 when the database answers, has every
// migration this build ships and the instance is not shutting down; 503 with the reason otherwise.
import { withoutCaller } from "@/lib/http/route";
import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

export const GET = withoutCaller(async () => {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not_ready", reason: readiness.reason }, { status: 503, headers });
});
