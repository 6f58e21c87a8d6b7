"use server";

import { revalidatePath } from "next/cache";
import { requirePageOperator } from "@/lib/access/page-guards";
import { actionResult } from "@/lib/action-result";
import { retryOutboxEmail } from "@/lib/operator/email-outbox";
import type { FormResult } from "@/lib/validation";

export async function retryEmailAction(_state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(async () => {
    await retryOutboxEmail(operator, String(form.get("emailId") ?? ""), new Date());
    return { ok: true as const };
  });
  if (result.ok) revalidatePath("/operator/outbox");
  return result;
}
