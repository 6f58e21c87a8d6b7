import type { FormState } from "@/lib/forms/form-state";
import { Notice } from "./notice";

// The outcome of a form's last submission: an error (announced) or a confirmation.
export function FormMessage({ state, className }: { state: FormState; className?: string }) {
  if (!state.message || state.status === "idle") return null;
  return (
    <Notice tone={state.status === "error" ? (state.needsConfirmation ? "warning" : "error") : "success"} className={className}>
      {state.message}
    </Notice>
  );
}
