import { StatusCard } from "@/components/shell/status-card";

// A portal page whose record is missing, or is another account's: nothing is confirmed.
export default function PortalNotFound() {
  return (
    <StatusCard title="Page not found" backHref="/" backLabel="Back to the portal">
      <p>There is no such page in your account, or it is no longer available.</p>
    </StatusCard>
  );
}
