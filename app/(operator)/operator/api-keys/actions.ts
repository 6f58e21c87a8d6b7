"use server";

import { revalidatePath } from "next/cache";
import { requirePageOperator } from "@/lib/access/page-guards";
import { actionResult } from "@/lib/action-result";
import { createApiKey, revokeApiKey } from "@/lib/ingest/api-keys";
import type { FormResult } from "@/lib/validation";

export type CreatedKey = FormResult<{ key: { id: string; name: string; secret: string } }>;

// Returns the new key's secret to the page once; it is never readable again.
export async function createApiKeyAction(_state: CreatedKey | null, form: FormData): Promise<CreatedKey | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => createApiKey(operator, { name: String(form.get("name") ?? "") }));
  if (result.ok) revalidatePath("/operator/api-keys");
  return result;
}

export async function revokeApiKeyAction(_state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(async () => {
    await revokeApiKey(operator, String(form.get("keyId") ?? ""), new Date());
    return { ok: true as const };
  });
  if (result.ok) revalidatePath("/operator/api-keys");
  return result;
}
