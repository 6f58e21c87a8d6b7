"use client";

import { StatusCard } from "./status-card";

// The portal's not-found card. A client component only because the portal layout sends its
// not-found boundary in every page's RSC payload: as a client component that is a reference, not
// the card's markup.
export function PortalNotFoundCard() {
  return (
    <StatusCard title="Page not found" backHref="/" backLabel="Back to the portal">
      <p>There is no such page in your account, or it is no longer available.</p>
    </StatusCard>
  );
}
