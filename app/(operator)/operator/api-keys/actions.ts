"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { runOperatorFormAction } from "@/lib/forms/run-form-action";
import { createApiKey, revokeApiKey } from "@/lib/ingest/api-keys";
import { asFormData } from "@/lib/forms/form-data";

// Returns the new key's secret to the page once (in `data`); it is never readable again.
export async function createApiKeyAction(_state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const name = String(form.get("name") ?? "");
  return runOperatorFormAction({ name }, async (operator) => {
    const key = await createApiKey(operator, { name });
    revalidatePath("/operator/api-keys");
    return { status: "ok", data: key };
  });
}

export async function revokeApiKeyAction(_state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    await revokeApiKey(operator, String(form.get("keyId") ?? ""), new Date());
    revalidatePath("/operator/api-keys");
    return { status: "ok" };
  });
}
