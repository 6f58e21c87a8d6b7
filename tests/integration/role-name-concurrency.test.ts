import { expect, it } from "vitest";
import { createRole } from "@/lib/access/create-role";
import { renameRole } from "@/lib/access/update-role";
import { createTestAccount, createTestRole, createTestUser } from "../support/factories";
import { runThroughBarrier } from "../support/lock-barrier";
import { describeOnPostgres } from "../support/postgres-only";

// Two administrators give a role the same name at the same moment. The account lock makes the
// second see the first's role and answer with the field error; without it both pass the name
// check and the second hits the unique index: a database error (a 500) instead of a 4xx. Each
// change's audit insert is held back until both have started, so that happens in every run.

async function expectOneNamedAndOneFieldError(results: PromiseSettledResult<unknown>[]) {
  expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(rejected?.reason).toMatchObject({ code: "invalid", details: { fieldErrors: { name: [expect.stringContaining("already exists")] } } });
}

describeOnPostgres("two administrators choosing the same role name at once", () => {
  it("creating: one role is created, the other gets the name field error", async () => {
    const account = await createTestAccount();
    const [a, b] = [await createTestUser(account), await createTestUser(account)];
    const results = await runThroughBarrier("audit_events", [
      () => createRole(a.viewer, { name: "Auditors", permissions: ["invoices.view"] }),
      () => createRole(b.viewer, { name: "auditors", permissions: ["invoices.view"] }),
    ]);
    await expectOneNamedAndOneFieldError(results);
  });

  it("renaming: one rename succeeds, the other gets the name field error", async () => {
    const account = await createTestAccount();
    const [a, b] = [await createTestUser(account), await createTestUser(account)];
    const [first, second] = [await createTestRole(account, "Team A", []), await createTestRole(account, "Team B", [])];
    const results = await runThroughBarrier("audit_events", [
      () => renameRole(a.viewer, first.id, { name: "Finance" }),
      () => renameRole(b.viewer, second.id, { name: "FINANCE" }),
    ]);
    await expectOneNamedAndOneFieldError(results);
  });
});
