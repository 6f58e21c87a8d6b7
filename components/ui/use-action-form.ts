"use client";

import { startTransition, useActionState } from "react";
import { IDLE, type FormAction, type FormState } from "@/lib/forms/form-state";

// Submits a form to a server action without React's automatic reset, so what the user typed
// stays in place when the action answers with field errors.
export function useActionForm(action: FormAction, initial: FormState = IDLE) {
  const [state, dispatch, pending] = useActionState(action, initial);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    startTransition(() => dispatch(form));
  }
  return { state, pending, onSubmit };
}
