"use client";

import { useActionState } from "react";
import { Card } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FieldError, inputClass, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type FormAction } from "@/lib/forms/form-state";

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

// Add a card. The number and security code inputs never get a value from the server: after a
// failed attempt they are empty, while the holder and expiry are kept. The security code is not
// kept even in the browser: it belongs to the number that failed and is typed again with it, and
// echoing it back would send it out of the server in the action's response.
// The expiry selects are keyed on the echoed values: React resets a form after its action, and a
// <select> only takes its defaultValue when it mounts, so without a fresh mount they fell back to
// "Month" and "Year".
export function AddCardForm({ addCard, firstYear }: { addCard: FormAction; firstYear: number }) {
  const [state, action] = useActionState(addCard, IDLE);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const years = Array.from({ length: 16 }, (_, i) => String(firstYear + i));
  const expiryErrors = [...(errors.expMonth ?? []), ...(errors.expYear ?? [])];
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">Add a card</h2>
      <p className="mt-1 text-sm text-slate-600">We keep the brand, the last four digits and the expiry date. The full number and security code are never stored.</p>
      <form action={action} className="mt-4 space-y-4" noValidate autoComplete="on">
        <FormMessage state={state} />
        <TextField idPrefix="card-" name="holderName" label="Name on card" autoComplete="cc-name" defaultValue={values.holderName ?? ""} errors={errors.holderName} required />
        <TextField idPrefix="card-" name="number" label="Card number" inputMode="numeric" autoComplete="cc-number" maxLength={23} errors={errors.number} required />
        <fieldset aria-describedby={expiryErrors.length ? "card-expiry-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Expiry</legend>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="card-expMonth" className="sr-only">
                Expiry month
              </label>
              <select
                key={`month-${values.expMonth ?? ""}`}
                id="card-expMonth"
                name="expMonth"
                autoComplete="cc-exp-month"
                className={inputClass}
                defaultValue={values.expMonth ?? ""}
                aria-invalid={errors.expMonth ? true : undefined}
              >
                <option value="">Month</option>
                {MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="card-expYear" className="sr-only">
                Expiry year
              </label>
              <select
                key={`year-${values.expYear ?? ""}`}
                id="card-expYear"
                name="expYear"
                autoComplete="cc-exp-year"
                className={inputClass}
                defaultValue={values.expYear ?? ""}
                aria-invalid={errors.expYear ? true : undefined}
              >
                <option value="">Year</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FieldError id="card-expiry-error" messages={expiryErrors} />
        </fieldset>
        <TextField
          idPrefix="card-"
          name="cvc"
          label="Security code (CVC)"
          hint="3 digits on the back; 4 on the front for American Express."
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={4}
          errors={errors.cvc}
          required
        />
        <Checkbox id="card-makeDefault" name="makeDefault" label="Make this the default card" defaultChecked={values.makeDefault === "on"} />
        <SubmitButton pendingLabel="Adding card…">Add card</SubmitButton>
      </form>
    </Card>
  );
}
