"use client";

import { Button } from "@/components/ui/button";
import { StatusCard } from "./status-card";

// An unexpected error inside a route group: a generic message (the details stay in the server
// log), the digest that finds them there, a retry and a way back to the group's home.
export function ErrorCard({ error, retry, backHref, backLabel }: { error: unknown; retry: () => void; backHref: string; backLabel: string }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <StatusCard
      title="Something went wrong"
      backHref={backHref}
      backLabel={backLabel}
      actions={
        <Button type="button" variant="secondary" onClick={() => retry()}>
          Try again
        </Button>
      }
    >
      <p>This page could not be shown. Try again in a moment; if it keeps happening, contact support.</p>
      {digest ? (
        <p>
          Reference for support: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900">{digest}</code>
        </p>
      ) : null}
    </StatusCard>
  );
}
