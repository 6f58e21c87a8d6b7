import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, invoiceAccessGrants, invoices, supportTickets } from "@/db/schema";
import type { Viewer } from "@/lib/access/load-viewer";
import { addDays } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { visibleInvoicesWhere } from "@/lib/invoices/visibility";
import { getActiveInvoiceGrant } from "@/lib/support/active-invoice-grant";
import { createTicket } from "@/lib/support/create-ticket";
import { fulfilGen3Request } from "@/lib/support/fulfil-gen3-request";
import { getTicket } from "@/lib/support/get-ticket";
import { asForgedOperator, createTestAccount, createTestInvoice, createTestOperator, createTestUser } from "../support/factories";
import { refusal } from "../support/refusal";

// 02:00 UTC on 2026-11-25 is 2026-11-24 in New York: the 6-month window starts 2026-05-24 there.
const now = new Date("2026-11-25T02:00:00Z");
const upgradedAt = new Date("2026-07-01T00:00:00Z"); // > 30 days before now: Generation 3 hidden
const DAY = 86_400_000;

async function setup() {
  const account = await createTestAccount({ timeZone: "America/New_York", invoiceGeneration: 4, upgradedAt });
  const customer = await createTestUser(account, ["billing_viewer"]);
  const gen3 = (number: string, issueDate: string) =>
    createTestInvoice(account, { number, generation: 3, issueDate, dueDate: addDays(issueDate, 30), periodStart: addDays(issueDate, -30), periodEnd: addDays(issueDate, -1) });
  return { account, customer, gen3 };
}

async function visibleIds(viewer: Viewer, at: Date) {
  const rows = await (await getDb()).select({ id: invoices.id }).from(invoices).where(visibleInvoicesWhere(viewer, at));
  return rows.map((r) => r.id);
}

const byInvoice = (invoiceNumber: string) => ({ category: "gen3_invoice_request", requestBy: "invoice", invoiceNumber });

describe("Generation 3 invoice requests (R-G3)", () => {
  it("accepts an invoice issued 6 months minus a day ago and refuses one issued 6 months plus a day ago", async () => {
    const { customer, gen3 } = await setup();
    await gen3("G3-IN", "2026-05-25");
    await gen3("G3-EDGE", "2026-05-24");
    await gen3("G3-OUT", "2026-05-23");
    await expect(createTicket(customer.viewer, byInvoice("G3-IN"), now)).resolves.toMatchObject({ ticketId: expect.any(String) });
    await expect(createTicket(customer.viewer, byInvoice("g3-edge"), now)).resolves.toMatchObject({ ticketId: expect.any(String) });
    const refused = await refusal(createTicket(customer.viewer, byInvoice("G3-OUT"), now));
    expect(refused.code).toBe("invalid");
    expect(refused.fieldErrors.invoiceNumber).toBe(
      "Invoice G3-OUT was issued on May 23, 2026. Support can only retrieve invoices from the previous 6 months (issued on or after May 24, 2026).",
    );
  });

  it("refuses unknown invoices, visible ones, and months outside the window, saying why", async () => {
    const { customer, account, gen3 } = await setup();
    await createTestInvoice(account, { number: "G4-1", generation: 4, issueDate: "2026-10-01" });
    await gen3("G3-JUNE", "2026-06-01");
    const fail = async (input: Record<string, string>) => {
      const result = await refusal(createTicket(customer.viewer, input, now));
      return Object.values(result.fieldErrors)[0];
    };
    expect(await fail(byInvoice("NOPE-1"))).toMatch(/There is no invoice NOPE-1/);
    expect(await fail(byInvoice("G4-1"))).toMatch(/already available/);
    expect(await fail({ category: "gen3_invoice_request", requestBy: "month", month: "2026-04" })).toMatch(
      /April 2026 is more than 6 months ago\. Support can only retrieve invoices from the previous 6 months/,
    );
    expect(await fail({ category: "gen3_invoice_request", requestBy: "month", month: "2026-08" })).toMatch(/No Generation 3 invoices were issued in August 2026/);
    expect(await fail({ category: "gen3_invoice_request", requestBy: "month", month: "2027-01" })).toMatch(/hasn't happened yet/);
    expect(await fail({ category: "gen3_invoice_request", requestBy: "month" })).toMatch(/Choose the month/);
    await expect(createTicket(customer.viewer, { category: "gen3_invoice_request", requestBy: "month", month: "2026-06" }, now)).resolves.toMatchObject({
      ticketId: expect.any(String),
    });
  });

  it("has nothing to request while Generation 3 invoices are still shown", async () => {
    const account = await createTestAccount({ invoiceGeneration: 4, upgradedAt: new Date(now.getTime() - 10 * DAY) });
    const { viewer } = await createTestUser(account, ["billing_viewer"]);
    await createTestInvoice(account, { number: "G3-GRACE", generation: 3, issueDate: "2026-10-01" });
    const result = await refusal(createTicket(viewer, byInvoice("G3-GRACE"), now));
    expect(result.fieldErrors.invoiceNumber).toMatch(/already available/);
  });

  it("fulfilling grants 30 days of access, resolves, replies and alerts; after expiry the invoice is hidden again", async () => {
    const operator = await createTestOperator();
    const { customer, gen3, account } = await setup();
    const invoice = await gen3("G3-REQ", "2026-08-01");
    const created = await createTicket(customer.viewer, byInvoice("G3-REQ"), now);
    expect(await visibleIds(customer.viewer, now)).not.toContain(invoice.id);

    const fulfilledAt = new Date(now.getTime() + DAY);
    const result = await fulfilGen3Request(operator, created.ticketId, fulfilledAt);
    expect(result.expiresAt).toEqual(new Date(fulfilledAt.getTime() + 30 * DAY));

    const thread = await getTicket(customer.viewer, created.ticketId);
    expect(thread.ticket.status).toBe("resolved");
    expect(thread.grants).toMatchObject([{ invoiceId: invoice.id, number: "G3-REQ" }]);
    // Expires 02:00 UTC on Dec 26, which is still Dec 25 in New York.
    expect(thread.messages.at(-1)).toMatchObject({
      fromOperator: true,
      body: "We have restored invoice G3-REQ. You can open and export it in Invoices + Payments until Dec 25, 2026.",
    });
    const alert = (await (await getDb()).select().from(alerts).where(eq(alerts.userId, customer.user.id))).find((a) => a.title.includes("restored"));
    expect(alert).toMatchObject({ title: "Invoice G3-REQ restored", href: `/account/invoices/${invoice.id}`, accountId: account.account.id });

    expect(await getActiveInvoiceGrant(customer.viewer, invoice.id, now)).toEqual({ expiresAt: result.expiresAt });
    expect(await getActiveInvoiceGrant(customer.viewer, invoice.id, result.expiresAt)).toBeNull();
    expect(await visibleIds(customer.viewer, new Date(result.expiresAt.getTime() - 1))).toContain(invoice.id);
    expect(await visibleIds(customer.viewer, result.expiresAt)).not.toContain(invoice.id);
    await expect(fulfilGen3Request(operator, created.ticketId, fulfilledAt)).rejects.toMatchObject({ code: "conflict" });
  });

  it("a month request restores that month's Generation 3 invoices inside the window", async () => {
    const operator = await createTestOperator();
    const { customer, gen3, account } = await setup();
    const early = await gen3("G3-MAY-20", "2026-05-20");
    const late = await gen3("G3-MAY-28", "2026-05-28");
    const late2 = await gen3("G3-MAY-30", "2026-05-30");
    await createTestInvoice(account, { number: "G4-MAY", generation: 4, issueDate: "2026-05-29" });
    const created = await createTicket(customer.viewer, { category: "gen3_invoice_request", requestBy: "month", month: "2026-05" }, now);
    const result = await fulfilGen3Request(operator, created.ticketId, now);
    expect(result.invoices.map((i) => i.number)).toEqual(["G3-MAY-28", "G3-MAY-30"]);
    const visible = await visibleIds(customer.viewer, now);
    expect(visible).toEqual(expect.arrayContaining([late.id, late2.id]));
    expect(visible).not.toContain(early.id);
    const alert = (await (await getDb()).select().from(alerts).where(eq(alerts.userId, customer.user.id))).find((a) => a.title.includes("restored"));
    expect(alert).toMatchObject({ title: "2 invoices restored", href: `/support/tickets/${created.ticketId}` });
  });

  it("a grant is for the requesting account only, and only operators can fulfil", async () => {
    const operator = await createTestOperator();
    const { customer, gen3 } = await setup();
    const invoice = await gen3("G3-MINE", "2026-09-01");
    const created = await createTicket(customer.viewer, byInvoice("G3-MINE"), now);
    const forged = await fulfilGen3Request(asForgedOperator(customer.viewer), created.ticketId, now).then(
      () => null,
      (e: unknown) => e,
    );
    expect(forged).toBeInstanceOf(AppError);
    expect((forged as AppError).status).toBe(404);
    expect(await (await getDb()).select().from(invoiceAccessGrants).where(eq(invoiceAccessGrants.invoiceId, invoice.id))).toEqual([]);

    await fulfilGen3Request(operator, created.ticketId, now);
    const other = await setup();
    expect(await visibleIds(other.customer.viewer, now)).not.toContain(invoice.id);
    expect(await getActiveInvoiceGrant(other.customer.viewer, invoice.id, now)).toBeNull();
    await expect(getTicket(other.customer.viewer, created.ticketId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("only Generation 3 requests can be fulfilled", async () => {
    const operator = await createTestOperator();
    const { customer } = await setup();
    const created = await createTicket(customer.viewer, { category: "other", subject: "Hello there", description: "Hi" }, now);
    await expect(fulfilGen3Request(operator, created.ticketId, now)).rejects.toMatchObject({ code: "conflict" });
    const [row] = await (await getDb()).select().from(supportTickets).where(eq(supportTickets.id, created.ticketId));
    expect(row.status).toBe("open");
  });
});
