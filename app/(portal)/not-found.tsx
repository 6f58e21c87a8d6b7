import { PortalNotFoundCard } from "@/components/shell/portal-not-found";

// A portal page whose record is missing, or is another account's: nothing is confirmed.
export default function PortalNotFound() {
  return <PortalNotFoundCard />;
}
