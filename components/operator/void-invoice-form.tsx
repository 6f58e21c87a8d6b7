"use client";

import Link from "next/link";
import { Button, buttonClasses } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { firstErrors, type FormAction } from "@/lib/forms/form-state";

export function VoidInvoiceForm({ action, number, cancelHref }: { action: FormAction; number: string; cancelHref: string }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const error = firstErrors(state).reason;
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-4" noValidate>
      {state.status === "error" && !error ? <Notice tone="error">{state.message}</Notice> : null}
      <Field id="reason" label="Reason" hint="Shown in the audit log. The customer gets no further reminders for this invoice." error={error}>
        <textarea {...controlProps("reason", { hint: true, error })} name="reason" rows={3} required className={inputClasses} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Voiding…" : `Void invoice ${number}`}
        </Button>
        <Link href={cancelHref} className={buttonClasses("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
