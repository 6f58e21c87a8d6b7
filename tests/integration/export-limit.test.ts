import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/errors";
import { acquireExportSlot, CONCURRENT_EXPORTS, EXPORTS_PER_MINUTE, releaseWhenDone, withRetryAfter } from "@/lib/exports/export-limit";

const now = new Date("2026-11-25T15:00:00Z");

describe("export rate limit", () => {
  it(`allows ${CONCURRENT_EXPORTS} downloads at once per user and frees the slot when one ends`, async () => {
    const user = randomUUID();
    const releases = [await acquireExportSlot(user, now), await acquireExportSlot(user, now)];
    const refused = await acquireExportSlot(user, now).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rate_limited" });
    const response = withRetryAfter(errorResponse(refused), refused);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await acquireExportSlot(randomUUID(), now)).toBeTypeOf("function"); // other users are unaffected

    // Reading a body to its end releases; so does a client cancelling it.
    const done = releaseWhenDone(new Response("a,b\r\n"), releases[0]);
    await done.text();
    const again = await acquireExportSlot(user, now);
    const cancelled = releaseWhenDone(new Response(new ReadableStream({ pull: () => new Promise(() => {}) })), again);
    await cancelled.body!.cancel();
    releases[1]();
    expect(await acquireExportSlot(user, now)).toBeTypeOf("function");
  });

  it(`caps each user at ${EXPORTS_PER_MINUTE} exports a minute, with Retry-After`, async () => {
    const user = randomUUID();
    for (let i = 0; i < EXPORTS_PER_MINUTE; i++) (await acquireExportSlot(user, new Date(now.getTime() + i * 1000)))();
    const refused = await acquireExportSlot(user, new Date(now.getTime() + 20_000)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 40 } });
    expect(withRetryAfter(errorResponse(refused), refused).headers.get("retry-after")).toBe("40");
    expect(await acquireExportSlot(user, new Date(now.getTime() + 61_000))).toBeTypeOf("function");
  });
});
