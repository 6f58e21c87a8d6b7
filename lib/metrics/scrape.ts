import "server-only";
import { errorFields, logger } from "@/lib/log";
import { getConnection } from "@/db/client";
import { outboxDepth } from "@/lib/notifications/outbox/outbox-depth";
import { metrics } from "./registry";

// The metrics page (GET /api/metrics): the gauges that are read rather than counted are set
// now, then the registry is rendered in Prometheus' text format. A database that does not
// answer does not fail the scrape: the rest of the page is served with the outbox gauges at NaN
// (unknown, not a made-up 0).
export async function renderMetrics(now = new Date()): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  const connection = await getConnection();
  const pool = connection.poolStats?.();
  m.dbPool.reset();
  if (pool) for (const [state, value] of Object.entries(pool)) m.dbPool.set({ state }, value);

  try {
    const depth = await outboxDepth(connection.db, now);
    m.outboxPending.set(depth.pending);
    m.outboxOldestPendingAge.set(depth.oldestPendingAgeSeconds);
  } catch (error) {
    m.outboxPending.set(Number.NaN);
    m.outboxOldestPendingAge.set(Number.NaN);
    logger().warn({ err: errorFields(error) }, "metrics: outbox depth not read");
  }
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}
