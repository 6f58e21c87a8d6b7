import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, invoices, supportTickets, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed/demo";
import { createTicket } from "@/lib/support/create-ticket";
import { viewerFor } from "../support/factories";
import { refusal } from "../support/refusal";

const now = new Date("2026-11-25T15:00:00Z");

describe("demo data for the provider's side", () => {
  it("has a ticket awaiting a reply, a failed email, and Globex invoices on both sides of the 6-month window", async () => {
    const db = await getDb();
    await seedDemoData(db, now);
    expect(await db.select().from(supportTickets)).toHaveLength(1);
    expect((await db.select().from(emailOutbox).where(eq(emailOutbox.status, "failed"))).length).toBe(1);

    // The e2e journey relies on these two: GLX-1013 is a Generation 3 invoice about 5 months old,
    // GLX-1007 one about 8 months old.
    const glx = await db.select({ number: invoices.number, generation: invoices.generation, issueDate: invoices.issueDate }).from(invoices);
    expect(glx.find((i) => i.number === "GLX-1013")).toEqual({ number: "GLX-1013", generation: 3, issueDate: "2026-06-01" });
    expect(glx.find((i) => i.number === "GLX-1007")).toEqual({ number: "GLX-1007", generation: 3, issueDate: "2026-03-01" });

    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@globex.example"));
    const viewer = await viewerFor(admin.id);
    const request = (invoiceNumber: string) => createTicket(viewer, { category: "gen3_invoice_request", requestBy: "invoice", invoiceNumber }, now);
    await expect(request("GLX-1013")).resolves.toMatchObject({ ticketId: expect.any(String) });
    const refused = await refusal(request("GLX-1007"));
    expect(refused.fieldErrors.invoiceNumber).toMatch(/Support can only retrieve invoices from the previous 6 months/);
  });
});
