import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import { createRole } from "@/lib/access/create-role";
import { deleteRole } from "@/lib/access/delete-role";
import { renameRole } from "@/lib/access/update-role";
import { createTestAccount, createTestRole, createTestUser, createTestUserWithRoles } from "../support/factories";

// A refused role change answers with the code the page acts on (error-response.ts: 404, 409, 422)
// and the message the administrator reads.

it("refuses an unknown role as not found, a built-in role as a conflict, a taken name and a self-move as invalid, each saying so", async () => {
  const account = await createTestAccount();
  const { viewer } = await createTestUser(account, ["account_admin"]);
  const ops = await createTestRole(account, "Ops", []);
  await createTestUserWithRoles(account, [ops.id]);

  await expect(renameRole(viewer, randomUUID(), { name: "Gone" })).rejects.toMatchObject({ code: "not_found", message: "Not found" });
  await expect(renameRole(viewer, account.roleIds.member, { name: "Guest" })).rejects.toMatchObject({
    code: "conflict",
    message: "Member is a built-in role and can't be changed. Create a custom role instead.",
  });
  await expect(createRole(viewer, { name: "ops", permissions: [] })).rejects.toMatchObject({
    code: "invalid",
    message: "Check the highlighted fields.",
    details: { fieldErrors: { name: ["A role named “Ops” already exists."] } },
  });
  await expect(deleteRole(viewer, ops.id, { reassignToRoleId: ops.id })).rejects.toMatchObject({
    code: "invalid",
    message: "Choose a different role to move its users to.",
    details: { fieldErrors: { reassignToRoleId: ["Choose a different role."] } },
  });
});

it("refuses a change for an account that no longer exists as not found, writing nothing", async () => {
  const account = await createTestAccount();
  const { viewer } = await createTestUser(account, ["account_admin"]);
  const gone = { ...viewer, accountId: randomUUID() };
  await expect(createRole(gone, { name: "Ghosts", permissions: [] })).rejects.toMatchObject({ code: "not_found", message: "Not found" });
  const [{ n }] = await (await getDb()).select({ n: count() }).from(roles).where(eq(roles.name, "Ghosts"));
  expect(n).toBe(0);
});
