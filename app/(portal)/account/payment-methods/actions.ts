"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { addPaymentMethod } from "@/lib/payments/add-payment-method";
import { removePaymentMethod, setDefaultPaymentMethod } from "@/lib/payments/change-payment-method";
import { asFormData } from "@/lib/forms/form-data";

// Thin form actions: each lib/ function checks payments.update and the account itself.

// Note: the card number and CVC are read here, handed to addPaymentMethod and never returned:
// only the holder and expiry are echoed back to the form.
export async function addCardAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const field = (key: string) => String(form.get(key) ?? "");
  const echo = { holderName: field("holderName"), expMonth: field("expMonth"), expYear: field("expYear"), makeDefault: field("makeDefault") };
  return runFormAction(echo, async (viewer, origin) => {
    const added = await addPaymentMethod(
      viewer,
      { holderName: echo.holderName, number: field("number"), expMonth: echo.expMonth, expYear: echo.expYear, cvc: field("cvc"), makeDefault: echo.makeDefault === "on" },
      origin,
      new Date(),
    );
    revalidatePath("/account/payment-methods");
    return { status: "ok", message: `${added.brand} ending in ${added.last4} added.` };
  });
}

export async function setDefaultCardAction(paymentMethodId: string): Promise<FormState> {
  return runFormAction({}, async (viewer, origin) => {
    await setDefaultPaymentMethod(viewer, paymentMethodId, origin);
    revalidatePath("/account/payment-methods");
    return { status: "ok", message: "Default payment method changed." };
  });
}

export async function removeCardAction(paymentMethodId: string): Promise<FormState> {
  return runFormAction({}, async (viewer, origin) => {
    await removePaymentMethod(viewer, paymentMethodId, origin, new Date());
    revalidatePath("/account/payment-methods");
    return { status: "ok", message: "Payment method removed." };
  });
}
