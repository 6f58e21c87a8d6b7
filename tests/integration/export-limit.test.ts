import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exportLeases } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { acquireExportSlot, CONCURRENT_EXPORTS, EXPORTS_PER_MINUTE, holdSlotWhileStreaming, exportLeaseSeconds, withExportSlot } from "@/lib/exports/export-limit";
import { createTestAccount, createTestUser, type TestAccount } from "../support/factories";

const now = new Date("2026-11-25T15:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
let account: TestAccount;

beforeAll(async () => {
  account = await createTestAccount({ slug: "limits" });
});

async function newViewer(): Promise<Viewer> {
  return (await createTestUser(account, ["billing_manager"])).viewer;
}

async function leasesOf(viewer: Viewer) {
  return (await getDb()).select().from(exportLeases).where(eq(exportLeases.userId, viewer.userId));
}

describe("export limits", () => {
  it(`allows ${CONCURRENT_EXPORTS} downloads at once per user, then answers 429 with Retry-After`, async () => {
    const viewer = await newViewer();
    await acquireExportSlot(viewer, now);
    await acquireExportSlot(viewer, now);
    expect(await leasesOf(viewer)).toHaveLength(2);
    const refused = await acquireExportSlot(viewer, now).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rate_limited" });
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    await expect(acquireExportSlot(await newViewer(), now)).resolves.toBeDefined(); // other users are unaffected
  });

  it("frees the slot when the body has been read, and when the client cancels it", async () => {
    const viewer = await newViewer();
    const done = holdSlotWhileStreaming(new Response("a,b\r\n"), await acquireExportSlot(viewer, now));
    const cancelled = holdSlotWhileStreaming(new Response(new ReadableStream({ pull: () => new Promise(() => {}) })), await acquireExportSlot(viewer, now));
    expect(await leasesOf(viewer)).toHaveLength(2);
    expect(await done.text()).toBe("a,b\r\n");
    await cancelled.body!.cancel();
    expect(await leasesOf(viewer)).toHaveLength(0);
  });

  it("gives the slot back when the export fails before streaming (a refused permission, bad parameters)", async () => {
    const viewer = await newViewer();
    const refused = withExportSlot(viewer, now, async () => {
      throw new AppError("forbidden", "Missing permission: payments.read");
    });
    await expect(refused).rejects.toMatchObject({ code: "forbidden" });
    expect(await leasesOf(viewer)).toHaveLength(0);
    const streaming = await withExportSlot(viewer, now, async () => new Response("a\r\n"));
    expect(await leasesOf(viewer)).toHaveLength(1);
    await streaming.text();
    expect(await leasesOf(viewer)).toHaveLength(0);
  });

  it("lets a lease nobody renews expire, as when the instance streaming it has crashed", async () => {
    const viewer = await newViewer();
    const first = await acquireExportSlot(viewer, now);
    await acquireExportSlot(viewer, now);
    await first.renew(later(60));
    await expect(acquireExportSlot(viewer, later(exportLeaseSeconds() - 1))).rejects.toMatchObject({ code: "rate_limited" });
    // At exportLeaseSeconds() the unrenewed one is gone; the renewed one still counts.
    await expect(acquireExportSlot(viewer, later(exportLeaseSeconds()))).resolves.toBeDefined();
    await expect(acquireExportSlot(viewer, later(exportLeaseSeconds() + 1))).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("holds the cap when several requests race for the last slots", async () => {
    const viewer = await newViewer();
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(() => acquireExportSlot(viewer, now)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(CONCURRENT_EXPORTS);
    expect(await leasesOf(viewer)).toHaveLength(CONCURRENT_EXPORTS);
  });

  it(`caps each user at ${EXPORTS_PER_MINUTE} exports a minute, with Retry-After`, async () => {
    const viewer = await newViewer();
    for (let i = 0; i < EXPORTS_PER_MINUTE; i++) await (await acquireExportSlot(viewer, later(i))).release();
    const refused = await acquireExportSlot(viewer, later(20)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 40 } });
    expect(errorResponse(refused).headers.get("retry-after")).toBe("40");
    await expect(acquireExportSlot(viewer, later(61))).resolves.toBeDefined();
  });
});
