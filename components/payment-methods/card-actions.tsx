"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { IDLE, type RecordFormAction } from "@/lib/forms/form-state";

export type CardActionHandlers = { setDefault: RecordFormAction; remove: RecordFormAction };

// "Make default" and "Remove" (with a second, explicit confirmation) for one card.
export function CardActions({ actions, id, label, isDefault }: { actions: CardActionHandlers; id: string; label: string; isDefault: boolean }) {
  const [defaultState, makeDefault] = useActionState(actions.setDefault.bind(null, id), IDLE);
  const [removeState, remove] = useActionState(actions.remove.bind(null, id), IDLE);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap justify-end gap-2">
        {isDefault ? null : (
          <form action={makeDefault}>
            <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
              Make default<span className="sr-only"> {label}</span>
            </SubmitButton>
          </form>
        )}
        {confirming ? (
          <form action={remove} className="flex flex-wrap items-center justify-end gap-2">
            <span className="text-sm text-slate-700">Remove {label}?</span>
            <SubmitButton variant="danger" size="sm" pendingLabel="Removing…">
              Yes, remove
            </SubmitButton>
            <Button type="button" variant="ghost" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <Button type="button" variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            Remove<span className="sr-only"> {label}</span>
          </Button>
        )}
      </div>
      <FormMessage state={defaultState.status === "error" ? defaultState : IDLE} />
      <FormMessage state={removeState.status === "error" ? removeState : IDLE} />
    </div>
  );
}
