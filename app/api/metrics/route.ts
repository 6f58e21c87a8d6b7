// GET /api/metrics — Prometheus metrics (issue 15 item 5), for `Authorization: Bearer $METRICS_TOKEN`
// only (404 without a configured token). What each metric means: lib/metrics/registry.ts.
import { withMetricsToken } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

export const GET = withMetricsToken(async () => {
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
