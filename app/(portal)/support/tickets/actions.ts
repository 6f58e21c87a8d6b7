"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { createTicket } from "@/lib/support/create-ticket";
import { replyToTicket } from "@/lib/support/reply-to-ticket";
import { newTicketFromData } from "@/lib/support/ticket-schemas";
import { asFormData } from "@/lib/forms/form-data";

// Server actions of the customer's support pages; the lib functions check support.use and the
// viewer's account.

export async function createTicketAction(_state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runFormAction({}, async (viewer) => {
    const { ticketId } = await createTicket(viewer, newTicketFromData(form), new Date());
    revalidatePath("/support/tickets");
    redirect(`/support/tickets/${ticketId}?created=1`);
  });
}

export async function replyTicketAction(ticketId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runFormAction({}, async (viewer) => {
    await replyToTicket(viewer, ticketId, { body: String(form.get("body") ?? "") }, new Date());
    revalidatePath(`/support/tickets/${ticketId}`);
    return { status: "ok" };
  });
}
