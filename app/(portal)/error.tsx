"use client";

import { ErrorCard } from "@/components/shell/error-card";

// An unexpected error in a portal page, shown inside the portal's frame.
export default function PortalError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorCard error={error} retry={retry} backHref="/" backLabel="Back to the portal" />;
}
