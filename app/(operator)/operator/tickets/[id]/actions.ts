"use server";

import { revalidatePath } from "next/cache";
import { requirePageOperator } from "@/lib/access/page-guards";
import { actionResult } from "@/lib/action-result";
import { fulfilGen3Request } from "@/lib/support/fulfil-gen3-request";
import { replyAsOperator, setTicketStatus } from "@/lib/support/operator-ticket-actions";
import type { FormResult } from "@/lib/validation";

// Server actions of the operator's ticket page; the lib functions check the operator role again.

export async function operatorReplyAction(ticketId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => replyAsOperator(operator, ticketId, { body: String(form.get("body") ?? "") }, new Date()));
  if (result.ok) revalidatePath(`/operator/tickets/${ticketId}`);
  return result;
}

export async function ticketStatusAction(ticketId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => setTicketStatus(operator, ticketId, { status: form.get("status") }, new Date()));
  if (result.ok) revalidatePath(`/operator/tickets/${ticketId}`);
  return result;
}

export async function fulfilGen3Action(ticketId: string): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(async () => {
    await fulfilGen3Request(operator, ticketId, new Date());
    return { ok: true as const };
  });
  if (result.ok) revalidatePath(`/operator/tickets/${ticketId}`);
  return result;
}
