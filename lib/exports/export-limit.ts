import "server-only";
import { getDb } from "@/db/client";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

// Per-user limits on list exports (R-E4): a per-minute cap shared by every app instance
// (PostgreSQL fixed window) and a cap on downloads streaming at once from this process, since
// each one holds a database connection per batch and a CPU share for as long as it runs.

export const EXPORTS_PER_MINUTE = 10;
export const CONCURRENT_EXPORTS = 2;

const running = new Map<string, number>();

// Takes a slot for `userId` or throws rate_limited (429) with the seconds to wait in details.
export async function acquireExportSlot(userId: string, now: Date): Promise<() => void> {
  if ((running.get(userId) ?? 0) >= CONCURRENT_EXPORTS) {
    throw new AppError("rate_limited", `You already have ${CONCURRENT_EXPORTS} exports downloading. Wait for one to finish, then try again.`, { retryAfterSeconds: 5 });
  }
  const hit = await hitRateLimit(await getDb(), `export:${userId}`, EXPORTS_PER_MINUTE, 60, now);
  if (!hit.allowed) {
    throw new AppError("rate_limited", `You can start ${EXPORTS_PER_MINUTE} exports a minute. Try again in ${hit.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: hit.retryAfterSeconds,
    });
  }
  running.set(userId, (running.get(userId) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (running.get(userId) ?? 1) - 1;
    if (left > 0) running.set(userId, left);
    else running.delete(userId);
  };
}

// The same response with `release` called once its body has been fully read, has failed, or was
// cancelled by the client (the browser went away): the slot never outlives the download.
export function releaseWhenDone(response: Response, release: () => void): Response {
  const reader = response.body?.getReader();
  if (!reader) {
    release();
    return response;
  }
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, headers: response.headers });
}

// errorResponse's JSON plus Retry-After on a 429.
export function withRetryAfter(response: Response, error: unknown): Response {
  const seconds = error instanceof AppError ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
  if (response.status === 429 && seconds) response.headers.set("Retry-After", String(seconds));
  return response;
}
