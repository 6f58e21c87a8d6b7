"use client";

import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { firstErrors, IDLE, type FormAction, type FormState } from "@/lib/forms/form-state";

type State = { result: FormState; sent: number };

// Reply to a ticket. The form is re-created after each sent reply (key = replies sent), so a
// refused reply keeps its text and a sent one clears it.
export function ReplyForm({ action, label = "Reply" }: { action: FormAction; label?: string }) {
  const [state, dispatch, pending] = useActionState(
    async (previous: State, form: FormData): Promise<State> => {
      const result = await action(previous.result, form);
      return { result, sent: previous.sent + (result.status === "ok" ? 1 : 0) };
    },
    { result: IDLE, sent: 0 },
  );
  const failure = state.result.status === "error" ? state.result : null;
  const error = firstErrors(state.result).body;

  return (
    <form
      key={state.sent}
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => dispatch(form));
      }}
    >
      {failure && !error ? <Notice tone="error">{failure.message}</Notice> : null}
      {state.sent > 0 && !failure ? <Notice tone="success">Reply sent.</Notice> : null}
      <Field id="reply-body" label={label} error={error}>
        <textarea {...controlProps("reply-body", { error })} name="body" rows={4} required className={inputClasses} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send reply"}
      </Button>
    </form>
  );
}
