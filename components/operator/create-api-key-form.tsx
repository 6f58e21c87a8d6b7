"use client";

import { Button } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { firstErrors, type FormAction } from "@/lib/forms/form-state";

// Creates an API key and shows its secret this one time.
export function CreateApiKeyForm({ action }: { action: FormAction }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const error = firstErrors(state).name;
  const created = state.status === "ok" ? state.data : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <Notice tone="success">
          <p className="font-medium">API key “{created.name}” created. Copy it now: it will not be shown again.</p>
          <label htmlFor="new-key" className="mt-2 block text-xs font-medium">
            Secret key
          </label>
          <input id="new-key" readOnly value={created.secret} onFocus={(e) => e.currentTarget.select()} className={`${inputClasses} mt-1 font-mono text-xs`} />
        </Notice>
      ) : null}
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <Field id="key-name" label="New key name" hint="Which system uses it, e.g. “Billing run (production)”." error={error} className="min-w-64 flex-1">
          <input {...controlProps("key-name", { hint: true, error })} name="name" required className={inputClasses} />
        </Field>
        <Button type="submit" disabled={pending} className="mb-5">
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
    </div>
  );
}
