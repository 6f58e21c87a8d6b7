"use client";

import { Button } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormResult } from "@/lib/validation";

type Created = FormResult<{ key: { id: string; name: string; secret: string } }>;

// Creates an API key and shows its secret this one time.
export function CreateApiKeyForm({ action }: { action: (state: Created | null, form: FormData) => Promise<Created | null> }) {
  const { state, pending, onSubmit } = useActionForm(action, null);
  const error = state && !state.ok ? state.fieldErrors.name : undefined;
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <Notice tone="success">
          <p className="font-medium">API key “{state.key.name}” created. Copy it now: it will not be shown again.</p>
          <label htmlFor="new-key" className="mt-2 block text-xs font-medium">
            Secret key
          </label>
          <input id="new-key" readOnly value={state.key.secret} onFocus={(e) => e.currentTarget.select()} className={`${inputClasses} mt-1 font-mono text-xs`} />
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
