"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePagePermission } from "@/lib/access/page-guards";
import { actionResult } from "@/lib/action-result";
import { createTicket } from "@/lib/support/create-ticket";
import { replyToTicket } from "@/lib/support/reply-to-ticket";
import { newTicketFromData } from "@/lib/support/ticket-schemas";
import type { FormResult } from "@/lib/validation";

// Server actions of the customer's support pages; the lib functions check support.use and the
// viewer's account again.

export async function createTicketAction(_state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const viewer = await requirePagePermission("support.use");
  const result = await actionResult(() => createTicket(viewer, newTicketFromData(form), new Date()));
  if (!result.ok) return result;
  revalidatePath("/support/tickets");
  redirect(`/support/tickets/${result.ticketId}?created=1`);
}

export async function replyTicketAction(ticketId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const viewer = await requirePagePermission("support.use");
  const result = await actionResult(() => replyToTicket(viewer, ticketId, { body: String(form.get("body") ?? "") }, new Date()));
  if (result.ok) revalidatePath(`/support/tickets/${ticketId}`);
  return result;
}
