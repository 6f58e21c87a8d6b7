import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { getMailboxEmail, listMailbox } from "@/lib/notifications/mailbox";
import { createTestAccount, createTestOperator, createTestUser } from "../support/factories";

const demo = process.env.PORTAL_DEMO_MODE;
afterEach(() => {
  if (demo === undefined) delete process.env.PORTAL_DEMO_MODE;
  else process.env.PORTAL_DEMO_MODE = demo;
});

async function emailFor(accountId: string, userId: string, key: string) {
  return (await enqueueEmail(await getDb(), { accountId, userId, to: "x@example.test", subject: key, html: "<p>x</p>", text: "x", idempotencyKey: key }))!;
}

describe("development mailbox", () => {
  it("shows operators every email, and in demo mode a portal user only their own", async () => {
    process.env.PORTAL_DEMO_MODE = "on";
    const a = await createTestAccount();
    const b = await createTestAccount();
    const userA = await createTestUser(a, ["member"]);
    const colleague = await createTestUser(a, ["account_admin"]);
    const userB = await createTestUser(b, ["account_admin"]);
    const mine = await emailFor(a.account.id, userA.user.id, `a-${a.account.id}`);
    const colleagues = await emailFor(a.account.id, colleague.user.id, `c-${a.account.id}`);
    const theirs = await emailFor(b.account.id, userB.user.id, `b-${b.account.id}`);

    const operator = await createTestOperator();
    expect((await listMailbox(operator)).map((e) => e.id)).toEqual(expect.arrayContaining([mine.id, colleagues.id, theirs.id]));
    expect((await listMailbox(userA.viewer)).map((e) => e.id)).toEqual([mine.id]);
    expect((await getMailboxEmail(userA.viewer, mine.id)).html).toBe("<p>x</p>");
    for (const other of [colleagues, theirs]) await expect(getMailboxEmail(userA.viewer, other.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listMailbox(userB.viewer)).toHaveLength(1);
  });

  it("is closed to portal users outside demo mode and to visitors", async () => {
    process.env.PORTAL_DEMO_MODE = "off";
    const a = await createTestAccount();
    const user = await createTestUser(a, ["account_admin"]);
    await expect(listMailbox(user.viewer)).rejects.toMatchObject({ code: "not_found" });
    await expect(listMailbox(null)).rejects.toMatchObject({ code: "not_found" });
  });
});
