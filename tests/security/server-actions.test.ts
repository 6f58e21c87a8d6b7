import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import type { Identity } from "@/lib/access/load-viewer";
import { createTestAccount, createTestUser } from "../support/factories";

// Item 9 of issue 12: a server action called with arguments of the wrong type (Next decodes
// whatever the client sent) answers with form errors, never a 500, and changes nothing.

const request = vi.hoisted(() => ({ identity: null as Identity | null }));
vi.mock("@/lib/access/viewer", () => ({
  getIdentity: async () => request.identity,
  getViewer: async () => (request.identity?.kind === "customer" ? request.identity : null),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createRoleAction } = await import("@/app/(portal)/account/roles/actions");
const { inviteUserAction, setUserRolesAction } = await import("@/app/(portal)/account/users/actions");

afterEach(() => {
  request.identity = null;
});

describe("server actions with forged argument types", () => {
  it("answer a form error and write nothing", async () => {
    const account = await createTestAccount();
    request.identity = (await createTestUser(account, ["account_admin"])).viewer;
    const before = await (await getDb()).select().from(roles).where(eq(roles.accountId, account.account.id));
    const forged: unknown[] = ["a string", 42, null, { name: "Object" }, ["array"]];
    for (const value of forged) {
      const asAny = value as FormData;
      await expect(createRoleAction({ status: "idle" }, asAny)).resolves.toMatchObject({ status: "error", fieldErrors: { name: ["Enter a role name."] } });
      await expect(inviteUserAction({ status: "idle" }, asAny)).resolves.toMatchObject({ status: "error" });
      await expect(setUserRolesAction(value as string, { status: "idle" }, asAny)).resolves.toMatchObject({ status: "error" });
    }
    expect(await (await getDb()).select().from(roles).where(eq(roles.accountId, account.account.id))).toEqual(before);
  });
});
