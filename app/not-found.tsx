import type { Metadata } from "next";
import { StatusCard } from "@/components/shell/status-card";
import { providerName } from "@/lib/env";

export const metadata: Metadata = { title: "Page not found" };

// Any URL no route matches (and the operator console for customers): no frame, since the
// visitor may not be signed in. "/" sends each user to their own home.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <p className="mb-4 text-sm font-semibold text-brand-700">{providerName()} Billing</p>
      <StatusCard title="Page not found" backHref="/" backLabel="Go to your home page">
        <p>The address may be mistyped, or the page may have moved.</p>
      </StatusCard>
    </main>
  );
}
