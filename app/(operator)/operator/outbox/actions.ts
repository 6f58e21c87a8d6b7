"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { runOperatorFormAction } from "@/lib/forms/run-form-action";
import { retryOutboxEmail } from "@/lib/operator/email-outbox";
import { asFormData } from "@/lib/forms/form-data";

export async function retryEmailAction(_state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    await retryOutboxEmail(operator, String(form.get("emailId") ?? ""), new Date());
    revalidatePath("/operator/outbox");
    return { status: "ok" };
  });
}
