"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { runOperatorFormAction } from "@/lib/forms/run-form-action";
import { fulfilGen3Request } from "@/lib/support/fulfil-gen3-request";
import { replyAsOperator, setTicketStatus } from "@/lib/support/operator-ticket-actions";
import { asFormData } from "@/lib/forms/form-data";

// Server actions of the operator's ticket page; the lib functions check the operator role again.

export async function operatorReplyAction(ticketId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    await replyAsOperator(operator, ticketId, { body: String(form.get("body") ?? "") }, new Date());
    revalidatePath(`/operator/tickets/${ticketId}`);
    return { status: "ok" };
  });
}

export async function ticketStatusAction(ticketId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    await setTicketStatus(operator, ticketId, { status: form.get("status") }, new Date());
    revalidatePath(`/operator/tickets/${ticketId}`);
    return { status: "ok" };
  });
}

export async function fulfilGen3Action(ticketId: string): Promise<FormState> {
  return runOperatorFormAction({}, async (operator) => {
    await fulfilGen3Request(operator, ticketId, new Date());
    revalidatePath(`/operator/tickets/${ticketId}`);
    return { status: "ok" };
  });
}
