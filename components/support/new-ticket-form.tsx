"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { CATEGORY_LABELS, TICKET_CATEGORIES, type TicketCategory } from "@/lib/support/ticket-labels";
import { firstErrors, type FormAction } from "@/lib/forms/form-state";
import { Gen3RequestFields, type Gen3Limits } from "./gen3-request-fields";

// Open a ticket (R-S1). Choosing "Generation 3 invoice request" swaps subject and invoice reference
// for the request's own fields; the subject is then written for the customer.
export function NewTicketForm({ action, initialCategory, gen3 }: { action: FormAction; initialCategory: TicketCategory | ""; gen3: Gen3Limits }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const errors = firstErrors(state);
  const [category, setCategory] = useState<TicketCategory | "">(initialCategory);
  const isGen3 = category === "gen3_invoice_request";

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      <Field id="category" label="Category" error={errors.category}>
        <select
          {...controlProps("category", { error: errors.category })}
          name="category"
          value={category}
          onChange={(e) => setCategory(e.target.value as TicketCategory)}
          className={`${inputClasses} max-w-sm`}
        >
          <option value="" disabled>
            Choose a category
          </option>
          {TICKET_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      {isGen3 ? (
        <Gen3RequestFields errors={errors} limits={gen3} />
      ) : (
        <>
          <Field id="subject" label="Subject" error={errors.subject}>
            <input {...controlProps("subject", { error: errors.subject })} name="subject" required maxLength={200} className={inputClasses} />
          </Field>
          <Field id="invoiceReference" label="Invoice number (optional)" hint="If your question is about a particular invoice." error={errors.invoiceReference}>
            <input
              {...controlProps("invoiceReference", { hint: true, error: errors.invoiceReference })}
              name="invoiceReference"
              maxLength={40}
              className={`${inputClasses} max-w-xs`}
            />
          </Field>
        </>
      )}
      <Field id="description" label={isGen3 ? "Anything else we should know? (optional)" : "Description"} error={errors.description}>
        <textarea {...controlProps("description", { error: errors.description })} name="description" rows={6} required={!isGen3} maxLength={5000} className={inputClasses} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : isGen3 ? "Send request" : "Open ticket"}
        </Button>
        <Link href="/support/tickets" className={buttonClasses("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
