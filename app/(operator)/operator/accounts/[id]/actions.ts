"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requirePageOperator } from "@/lib/access/page-guards";
import { actionResult } from "@/lib/action-result";
import { invoiceFormFromData } from "@/lib/operator/invoice-form";
import { paymentFormFromData } from "@/lib/operator/payment-form";
import { postInvoiceAsOperator } from "@/lib/operator/post-invoice-as-operator";
import { recordPaymentAsOperator } from "@/lib/operator/record-payment-as-operator";
import { upgradeAccountToGeneration4 } from "@/lib/operator/upgrade-account";
import { voidInvoiceAsOperator } from "@/lib/operator/void-invoice-as-operator";
import type { FormResult } from "@/lib/validation";

// Server actions of the operator's account pages. Each resolves the operator itself; the lib
// functions check the role again and scope to the account in the URL.

export async function postInvoiceAction(accountId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => postInvoiceAsOperator(operator, accountId, invoiceFormFromData(form)));
  if (!result.ok) return result;
  revalidatePath(`/operator/accounts/${accountId}`);
  redirect(`/operator/accounts/${accountId}?posted=${result.invoice.id}`);
}

export async function recordPaymentAction(accountId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => recordPaymentAsOperator(operator, accountId, paymentFormFromData(form)));
  if (!result.ok) return result;
  revalidatePath(`/operator/accounts/${accountId}`);
  redirect(`/operator/accounts/${accountId}?paid=${result.paymentId}`);
}

export async function voidInvoiceAction(accountId: string, invoiceId: string, _state: FormResult | null, form: FormData): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(() => voidInvoiceAsOperator(operator, accountId, invoiceId, { reason: String(form.get("reason") ?? "") }));
  if (!result.ok) return result;
  revalidatePath(`/operator/accounts/${accountId}`);
  redirect(`/operator/accounts/${accountId}?voided=${invoiceId}`);
}

export async function upgradeAccountAction(accountId: string): Promise<FormResult | null> {
  const operator = await requirePageOperator();
  const result = await actionResult(async () => {
    await upgradeAccountToGeneration4(operator, accountId, new Date());
    return { ok: true as const };
  });
  if (!result.ok) return result;
  revalidatePath(`/operator/accounts/${accountId}`);
  redirect(`/operator/accounts/${accountId}?upgraded=1`);
}
