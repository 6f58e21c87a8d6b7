import { and, eq } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, invoices, supportTickets } from "@/db/schema";
import type { Identity } from "@/lib/access/load-viewer";
import { IDLE } from "@/lib/forms/form-state";
import { createTestAccount, createTestInvoice, createTestOperator, createTestUser } from "../support/factories";

// Only what Next provides per request is stood in for: who is signed in, the request headers and
// the cache to revalidate. The actions and lib/ functions run for real against the database.
const request = vi.hoisted(() => ({ identity: null as Identity | null, headers: new Headers() }));
vi.mock("@/lib/access/viewer", () => ({
  getIdentity: async () => request.identity,
  getViewer: async () => (request.identity?.kind === "customer" ? request.identity : null),
}));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createRoleAction } = await import("@/app/(portal)/account/roles/actions");
const { createTicketAction, replyTicketAction } = await import("@/app/(portal)/support/tickets/actions");
const { postInvoiceAction } = await import("@/app/(operator)/operator/accounts/[id]/actions");
const { revalidatePath } = await import("next/cache");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

// What Next's redirect()/notFound() throw; the runner must let them through untouched.
const thrown = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as Error & { digest?: string },
  );

afterEach(() => {
  request.identity = null;
  request.headers = new Headers();
  vi.clearAllMocks();
  vi.unstubAllEnvs();
});

describe("the one form runner", () => {
  it("tells a signed-out user their session ended and keeps what they typed", async () => {
    expect(await createRoleAction(IDLE, form({ name: "Auditors" }))).toEqual({ status: "error", message: "Your session has ended. Sign in again.", values: { name: "Auditors" } });
  });

  it("shows lib/'s validation messages next to their fields", async () => {
    const account = await createTestAccount();
    request.identity = (await createTestUser(account, ["billing_viewer"])).viewer;
    const state = await createTicketAction(IDLE, form({ category: "billing", subject: "x", description: "" }));
    expect(state).toMatchObject({ status: "error", message: "Check the highlighted fields." });
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["description", "subject"]);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("names a missing permission, and treats another account's record as gone", async () => {
    const account = await createTestAccount();
    request.identity = (await createTestUser(account, ["member"])).viewer;
    expect(await createTicketAction(IDLE, form({ category: "billing", subject: "Hello there", description: "Hi" }))).toMatchObject({
      status: "error",
      message: "You don't have the Use Support Tickets permission.",
    });

    const other = await createTestAccount();
    const owner = (await createTestUser(other, ["billing_viewer"])).viewer;
    const [ticket] = await (
      await getDb()
    )
      .insert(supportTickets)
      .values({ accountId: other.account.id, subject: "Theirs", category: "billing", createdByUserId: owner.userId })
      .returning({ id: supportTickets.id });
    request.identity = (await createTestUser(account, ["billing_viewer"])).viewer;
    expect(await replyTicketAction(ticket.id, IDLE, form({ body: "Let me in" }))).toMatchObject({
      status: "error",
      message: "That item no longer exists. Reload the page and try again.",
    });
  });

  it("lets a success redirect through, after revalidating, with the request's origin in the audit log", async () => {
    const account = await createTestAccount();
    const admin = await createTestUser(account, ["account_admin"]);
    request.identity = admin.viewer;
    // Behind one trusted proxy, which appended the client's address.
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    request.headers = new Headers({ "x-forwarded-for": "203.0.113.77", "user-agent": "runner-test" });
    expect(await createRoleAction(IDLE, form({ name: "Auditors", permissions: "invoices.view" }))).toMatchObject({ status: "ok" });
    const [event] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, admin.user.id), eq(auditEvents.action, "role.created")));
    expect(event).toMatchObject({ ip: "203.0.113.77", userAgent: "runner-test" });

    request.identity = (await createTestUser(account, ["billing_viewer"])).viewer;
    const redirected = await thrown(createTicketAction(IDLE, form({ category: "billing", subject: "Hello there", description: "Hi" })));
    expect(isRedirectError(redirected)).toBe(true);
    expect(redirected?.digest).toMatch(/;\/support\/tickets\/[0-9a-f-]{36}\?created=1;/);
    expect(revalidatePath).toHaveBeenCalledWith("/support/tickets");
  });

  it("operator variant: sign-in for nobody, the 404 page for a customer, field errors for the operator", async () => {
    const account = await createTestAccount();
    const fields = {
      number: "OPS-1",
      generation: "4",
      issueDate: "2026-11-01",
      dueDate: "2026-12-01",
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      taxRate: "0",
      lineDescription: "Hosting",
      lineQuantity: "1",
      lineUnitPrice: "10.00",
    };
    const signedOut = await thrown(postInvoiceAction(account.account.id, IDLE, form(fields)));
    expect(isRedirectError(signedOut)).toBe(true);
    expect(signedOut?.digest).toContain(";/sign-in;");

    request.identity = (await createTestUser(account, ["account_admin"])).viewer;
    expect((await thrown(postInvoiceAction(account.account.id, IDLE, form(fields))))?.digest).toBe("NEXT_HTTP_ERROR_FALLBACK;404");

    request.identity = await createTestOperator();
    await createTestInvoice(account, { number: "OPS-1" });
    const duplicate = await postInvoiceAction(account.account.id, IDLE, form(fields));
    expect(duplicate).toMatchObject({ status: "error", fieldErrors: { number: [expect.stringMatching(/already exists/)] } });
    expect(await (await getDb()).select().from(invoices).where(eq(invoices.accountId, account.account.id))).toHaveLength(1);
  });
});
