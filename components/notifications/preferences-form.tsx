"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Switch } from "@/components/ui/switch";

type Status = { tone: "success" | "error"; text: string } | null;

// The Billing switches and the save button. Without JavaScript it is a plain form POST to the route
// handler (which redirects back with a confirmation); with JavaScript it PUTs JSON to the same handler.
export function PreferencesForm({
  idPrefix,
  userId,
  subject,
  initial,
  saved,
  submitLabel,
}: {
  idPrefix: string;
  // Another user's id when an administrator edits their preferences.
  userId?: string;
  // Whose preferences, for the controls' accessible names ("Alert for Vera Viewer").
  subject?: string;
  initial: { alert: boolean; email: boolean };
  saved?: boolean;
  submitLabel: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState<Status>(saved ? { tone: "success", text: "Notification preferences updated." } : null);
  const forWhom = subject ? ` for ${subject}` : "";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setStatus(null);
    try {
      const response = await fetch("/api/notification-preferences", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ alert: form.get("alert") === "on", email: form.get("email") === "on", ...(userId ? { userId } : {}) }),
      });
      // Errors are problem details (application/problem+json): `detail` is the message to show.
      const body = await response.json().catch(() => null);
      setStatus(response.ok ? { tone: "success", text: "Notification preferences updated." } : { tone: "error", text: body?.detail ?? "Could not save. Please try again." });
      if (response.ok) router.refresh();
    } catch {
      setStatus({ tone: "error", text: "Could not reach the server. Please try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form action="/api/notification-preferences" method="post" onSubmit={onSubmit}>
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex items-center gap-2">
          <label htmlFor={`${idPrefix}-alert`} className="text-sm font-medium text-slate-800">
            Alert<span className="sr-only">{forWhom}</span>
          </label>
          <Switch id={`${idPrefix}-alert`} name="alert" defaultChecked={initial.alert} />
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={`${idPrefix}-email`} className="text-sm font-medium text-slate-800">
            Email<span className="sr-only">{forWhom}</span>
          </label>
          <Switch id={`${idPrefix}-email`} name="email" defaultChecked={initial.email} />
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
      <div aria-live="polite" className={status ? "mt-3" : "sr-only"}>
        {status ? <Notice tone={status.tone}>{status.text}</Notice> : null}
      </div>
    </form>
  );
}
