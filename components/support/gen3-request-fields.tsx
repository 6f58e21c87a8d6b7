"use client";

import { useState } from "react";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import type { FieldMessages } from "@/lib/forms/form-state";

export type Gen3Limits = { earliestLabel: string; minMonth: string; maxMonth: string };

// The Generation 3 request's own fields: one invoice by number, or one month (R-G3).
export function Gen3RequestFields({ errors, limits }: { errors: FieldMessages; limits: Gen3Limits }) {
  const [by, setBy] = useState<"invoice" | "month">("invoice");
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Which invoice?</legend>
      <p id="gen3-window" className="text-sm text-slate-700">
        Support can only retrieve invoices from the previous 6 months: issued on or after {limits.earliestLabel}. A restored invoice is available to view and export for 30 days.
      </p>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="requestBy" value="invoice" checked={by === "invoice"} onChange={() => setBy("invoice")} />
          By invoice number
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="requestBy" value="month" checked={by === "month"} onChange={() => setBy("month")} />
          By month issued
        </label>
      </div>
      {by === "invoice" ? (
        <Field id="invoiceNumber" label="Invoice number" hint="As printed on the invoice or its email." error={errors.invoiceNumber}>
          <input {...controlProps("invoiceNumber", { hint: true, error: errors.invoiceNumber })} name="invoiceNumber" autoComplete="off" className={`${inputClasses} max-w-xs`} />
        </Field>
      ) : (
        <Field id="month" label="Month the invoice was issued" hint="All Generation 3 invoices issued that month are restored." error={errors.month}>
          <input
            {...controlProps("month", { hint: true, error: errors.month })}
            name="month"
            type="month"
            min={limits.minMonth}
            max={limits.maxMonth}
            className={`${inputClasses} max-w-xs`}
          />
        </Field>
      )}
    </fieldset>
  );
}
