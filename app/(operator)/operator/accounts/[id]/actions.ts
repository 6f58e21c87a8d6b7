"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/forms/form-state";
import { runOperatorFormAction } from "@/lib/forms/run-form-action";
import { invoiceFormFromData } from "@/lib/operator/invoice-form";
import { paymentFormFromData } from "@/lib/operator/payment-form";
import { postInvoiceAsOperator } from "@/lib/operator/post-invoice-as-operator";
import { recordPaymentAsOperator } from "@/lib/operator/record-payment-as-operator";
import { upgradeAccountToGeneration4 } from "@/lib/operator/upgrade-account";
import { voidInvoiceAsOperator } from "@/lib/operator/void-invoice-as-operator";
import { asFormData } from "@/lib/forms/form-data";

// Server actions of the operator's account pages. The lib functions check the role again and
// scope to the account in the URL; success redirects back to the account with a banner.

export async function postInvoiceAction(accountId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    const invoice = await postInvoiceAsOperator(operator, accountId, invoiceFormFromData(form));
    revalidatePath(`/operator/accounts/${accountId}`);
    redirect(`/operator/accounts/${accountId}?posted=${invoice.id}`);
  });
}

export async function recordPaymentAction(accountId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    const { paymentId } = await recordPaymentAsOperator(operator, accountId, paymentFormFromData(form));
    revalidatePath(`/operator/accounts/${accountId}`);
    redirect(`/operator/accounts/${accountId}?paid=${paymentId}`);
  });
}

export async function voidInvoiceAction(accountId: string, invoiceId: string, _state: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runOperatorFormAction({}, async (operator) => {
    await voidInvoiceAsOperator(operator, accountId, invoiceId, { reason: String(form.get("reason") ?? "") });
    revalidatePath(`/operator/accounts/${accountId}`);
    redirect(`/operator/accounts/${accountId}?voided=${invoiceId}`);
  });
}

export async function upgradeAccountAction(accountId: string): Promise<FormState> {
  return runOperatorFormAction({}, async (operator) => {
    await upgradeAccountToGeneration4(operator, accountId, new Date());
    revalidatePath(`/operator/accounts/${accountId}`);
    redirect(`/operator/accounts/${accountId}?upgraded=1`);
  });
}
