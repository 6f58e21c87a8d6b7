import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, auditEvents, supportTickets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTicket } from "@/lib/support/create-ticket";
import { getTicket } from "@/lib/support/get-ticket";
import { listTickets } from "@/lib/support/list-tickets";
import { replyAsOperator, setTicketStatus } from "@/lib/support/operator-ticket-actions";
import { getTicketForOperator, listTicketsForOperator } from "@/lib/support/operator-tickets";
import { replyToTicket } from "@/lib/support/reply-to-ticket";
import { asForgedOperator, createTestAccount, createTestOperator, createTestUser } from "../support/factories";
import { refusal } from "../support/refusal";

const now = new Date("2026-11-25T12:00:00Z");
const question = { category: "billing", subject: "Why did my bill go up?", description: "November is higher than October.", invoiceReference: "INV-7" };

async function openTicket() {
  const account = await createTestAccount();
  const customer = await createTestUser(account, ["billing_viewer"]);
  const { ticketId } = await createTicket(customer.viewer, question, now);
  return { account, customer, ticketId };
}

describe("customer tickets", () => {
  it("opens a ticket, lists it with its status and shows the description as the first message", async () => {
    const { customer, ticketId } = await openTicket();
    expect(await listTickets(customer.viewer)).toMatchObject([{ id: ticketId, subject: question.subject, status: "open", category: "billing" }]);
    const thread = await getTicket(customer.viewer, ticketId);
    expect(thread.ticket).toMatchObject({ invoiceReference: "INV-7" });
    expect(thread.messages).toMatchObject([{ body: question.description, fromOperator: false }]);
  });

  it("explains what is missing in the form", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    const result = await refusal(createTicket(viewer, { category: "billing", subject: "x", description: "" }, now));
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["description", "subject"]);
    const noCategory = await refusal(createTicket(viewer, { subject: "Hello there" }, now));
    expect(noCategory.fieldErrors.category).toBeTruthy();
  });

  it("needs the support.use permission", async () => {
    const account = await createTestAccount();
    const { viewer } = await createTestUser(account, ["member"]);
    await expect(createTicket(viewer, question, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listTickets(viewer)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("hides another account's ticket: not in the list, not found by id, no reply possible", async () => {
    const { ticketId } = await openTicket();
    const other = await createTestAccount();
    const stranger = await createTestUser(other, ["account_admin"]);
    expect(await listTickets(stranger.viewer)).toEqual([]);
    await expect(getTicket(stranger.viewer, ticketId)).rejects.toMatchObject({ code: "not_found" });
    await expect(replyToTicket(stranger.viewer, ticketId, { body: "hi" }, now)).rejects.toMatchObject({ code: "not_found" });
    await expect(getTicket(stranger.viewer, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("operators working tickets", () => {
  it("see every account's tickets, marked as awaiting a reply until they answer", async () => {
    const operator = await createTestOperator();
    const { ticketId, account } = await openTicket();
    const listed = (await listTicketsForOperator(operator)).find((t) => t.id === ticketId);
    expect(listed).toMatchObject({ awaitingReply: true, accountName: account.account.name });
    await expect(replyAsOperator(operator, ticketId, { body: "Usage grew in November." }, new Date(now.getTime() + 60_000))).resolves.toBeUndefined();
    expect((await listTicketsForOperator(operator)).find((t) => t.id === ticketId)?.awaitingReply).toBe(false);
    const thread = await getTicketForOperator(operator, ticketId);
    expect(thread.messages.map((m) => m.fromOperator)).toEqual([false, true]);
    expect(thread.account.id).toBe(account.account.id);
  });

  it("a reply raises an alert for each of the account's support users, not for others", async () => {
    const operator = await createTestOperator();
    const { ticketId, account, customer } = await openTicket();
    const admin = await createTestUser(account, ["account_admin"]);
    const member = await createTestUser(account, ["member"]);
    await replyAsOperator(operator, ticketId, { body: "We are looking into it." }, now);
    const raised = await (await getDb()).select().from(alerts).where(eq(alerts.accountId, account.account.id));
    expect(raised.map((a) => a.userId).sort()).toEqual([customer.user.id, admin.user.id].sort());
    expect(raised.map((a) => a.userId)).not.toContain(member.user.id);
    expect(raised[0]).toMatchObject({ href: `/support/tickets/${ticketId}` });
    const [audit] = await (
      await getDb()
    )
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, account.account.id), eq(auditEvents.action, "ticket.replied")));
    expect(audit.actorKind).toBe("operator");
  });

  it("move a ticket forward only, and a customer's reply reopens a resolved one", async () => {
    const operator = await createTestOperator();
    const { ticketId, customer } = await openTicket();
    const status = async () => (await getTicket(customer.viewer, ticketId)).ticket.status;
    await expect(setTicketStatus(operator, ticketId, { status: "in_progress" }, now)).resolves.toBeUndefined();
    await expect(setTicketStatus(operator, ticketId, { status: "open" }, now)).rejects.toBeInstanceOf(AppError);
    await expect(setTicketStatus(operator, ticketId, { status: "resolved" }, now)).resolves.toBeUndefined();
    await replyToTicket(customer.viewer, ticketId, { body: "Still wrong, sorry." }, now);
    expect(await status()).toBe("open");
    await setTicketStatus(operator, ticketId, { status: "closed" }, now);
    const closedReply = await refusal(replyToTicket(customer.viewer, ticketId, { body: "Hello?" }, now));
    expect(closedReply.message).toMatch(/closed/);
    await expect(replyAsOperator(operator, ticketId, { body: "x" }, now)).rejects.toBeInstanceOf(AppError);
  });

  it("refuse customers posing as operators on every operator ticket function", async () => {
    const { ticketId, customer } = await openTicket();
    const forged = asForgedOperator(customer.viewer);
    for (const attempt of [
      () => listTicketsForOperator(forged),
      () => getTicketForOperator(forged, ticketId),
      () => replyAsOperator(forged, ticketId, { body: "I am support" }, now),
      () => setTicketStatus(forged, ticketId, { status: "closed" }, now),
    ]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
    }
    const [row] = await (await getDb()).select().from(supportTickets).where(eq(supportTickets.id, ticketId));
    expect(row.status).toBe("open");
  });
});
