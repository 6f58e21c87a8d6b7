import "server-only";
import { errorFields, logger } from "@/lib/log";
import { and, eq, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { exportLeases, users } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Per-user limits on list exports (R-E4): a per-minute cap and a cap on downloads streaming at
// once, both kept in PostgreSQL so they hold across every app instance (R-R4). A running export
// holds a lease that it renews while bytes flow; a crashed instance's leases simply expire.

export const EXPORTS_PER_MINUTE = 10;
export const CONCURRENT_EXPORTS = 2;

// EXPORT_LEASE_SECONDS (default 120): how long a slot outlives its last renewal. A download cut off
// by an instance that died (SIGKILL, OOM) gives its slot back after at most this; a live one renews
// every quarter of it while bytes flow.
export function exportLeaseSeconds(): number {
  return env().EXPORT_LEASE_SECONDS;
}

export type ExportSlot = {
  renew: (now: Date) => Promise<void>;
  release: () => Promise<void>;
};

// Takes a slot for the viewer or throws rate_limited (429) with the seconds to wait in details.
export async function acquireExportSlot(viewer: Pick<Viewer, "userId" | "accountId">, now: Date): Promise<ExportSlot> {
  const db = await getDb();
  const leaseId = await db.transaction(async (tx) => {
    // Locking the user's row makes one instance at a time count and take this user's slots.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, viewer.userId)).for("update");
    await tx.delete(exportLeases).where(and(eq(exportLeases.userId, viewer.userId), lte(exportLeases.expiresAt, now)));
    const running = await tx.select({ id: exportLeases.id }).from(exportLeases).where(eq(exportLeases.userId, viewer.userId));
    if (running.length >= CONCURRENT_EXPORTS) {
      throw new AppError("rate_limited", `You already have ${CONCURRENT_EXPORTS} exports downloading. Wait for one to finish, then try again.`, { retryAfterSeconds: 5 });
    }
    const hit = await hitRateLimit(tx, `export:${viewer.userId}`, EXPORTS_PER_MINUTE, 60, now);
    if (!hit.allowed) {
      throw new AppError("rate_limited", `You can start ${EXPORTS_PER_MINUTE} exports a minute. Try again in ${hit.retryAfterSeconds} seconds.`, {
        retryAfterSeconds: hit.retryAfterSeconds,
      });
    }
    const [lease] = await tx
      .insert(exportLeases)
      .values({ accountId: viewer.accountId, userId: viewer.userId, expiresAt: new Date(now.getTime() + exportLeaseSeconds() * 1000) })
      .returning({ id: exportLeases.id });
    return lease.id;
  });

  let released = false;
  return {
    renew: async (at) => {
      if (released) return;
      await db
        .update(exportLeases)
        .set({ expiresAt: new Date(at.getTime() + exportLeaseSeconds() * 1000) })
        .where(eq(exportLeases.id, leaseId));
    },
    release: async () => {
      if (released) return;
      released = true;
      await db.delete(exportLeases).where(eq(exportLeases.id, leaseId));
    },
  };
}

// Runs an export under the viewer's limits: takes a slot (or throws rate_limited), holds it while
// the body streams, and gives it back at once if the export fails before streaming.
export async function withExportSlot(viewer: Pick<Viewer, "userId" | "accountId">, now: Date, exportResponse: () => Promise<Response>): Promise<Response> {
  const slot = await acquireExportSlot(viewer, now);
  try {
    return holdSlotWhileStreaming(await exportResponse(), slot);
  } catch (error) {
    await slot.release();
    throw error;
  }
}

// The same response, holding `slot` while its body streams: renewed as chunks go out, released
// once the body has been fully read, has failed, or was cancelled by the client.
export function holdSlotWhileStreaming(response: Response, slot: ExportSlot): Response {
  const release = () => slot.release().catch((error) => logger().error({ err: errorFields(error) }, "export lease not released (it expires by itself)"));
  const reader = response.body?.getReader();
  if (!reader) {
    void release();
    return response;
  }
  const renewAfterMs = (exportLeaseSeconds() * 1000) / 4;
  let renewedAt = Date.now();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            await release();
            return controller.close();
          }
          controller.enqueue(value);
          if (Date.now() - renewedAt > renewAfterMs) {
            renewedAt = Date.now();
            await slot.renew(new Date()).catch((error) => logger().error({ err: errorFields(error) }, "export lease not renewed"));
          }
        } catch (error) {
          await release();
          controller.error(error);
        }
      },
      async cancel(reason) {
        try {
          await reader.cancel(reason);
        } finally {
          await release();
        }
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, headers: response.headers });
}
