"use client";

import { useActionState } from "react";
import { IDLE, type FormAction } from "@/lib/forms/form-state";
import { Button, type ButtonVariant } from "./button";

// A one-button form for a server action (retry, revoke, fulfil…) that shows the action's refusal.
export function ActionButton({
  action,
  fields = {},
  label,
  pendingLabel,
  variant = "secondary",
  size = "sm",
  describedBy,
  accessibleLabel,
}: {
  action: FormAction;
  fields?: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  describedBy?: string;
  // When several such buttons share a label ("Retry"), says which row this one acts on.
  accessibleLabel?: string;
}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  return (
    <form action={dispatch} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size={size} disabled={pending} aria-describedby={describedBy} aria-label={accessibleLabel && !pending ? accessibleLabel : undefined}>
        {pending ? pendingLabel : label}
      </Button>
      {state.status === "error" ? (
        <p role="alert" className="text-xs font-medium text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
