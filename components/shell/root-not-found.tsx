"use client";

import { StatusCard } from "./status-card";

// The root not-found page's body (app/not-found.tsx). A client component only because the root
// layout sends its not-found boundary in every page's RSC payload: as a client component that is
// a reference and the provider's name, not the page's markup.
export function RootNotFound({ provider }: { provider: string }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <p className="mb-4 text-sm font-semibold text-brand-700">{provider} Billing</p>
      <StatusCard title="Page not found" backHref="/" backLabel="Go to your home page">
        <p>The address may be mistyped, or the page may have moved.</p>
      </StatusCard>
    </main>
  );
}
