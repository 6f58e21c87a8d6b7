"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { STATUS_LABELS, type TicketStatus } from "@/lib/support/ticket-labels";
import { IDLE, type FormAction } from "@/lib/forms/form-state";

// Moves a ticket to one of the statuses after its current one.
export function TicketStatusForm({ action, next }: { action: FormAction; next: TicketStatus[] }) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  if (next.length === 0) return <p className="text-sm text-slate-600">Closed tickets stay closed.</p>;
  return (
    <form action={dispatch} className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="status" className="block text-sm font-medium text-slate-800">
          Move to
        </label>
        <select id="status" name="status" defaultValue={next[0]} className={cn(inputClasses, "w-44")}>
          {next.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change status"}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="w-full text-xs font-medium text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
