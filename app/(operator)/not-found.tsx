import { StatusCard } from "@/components/shell/status-card";

// An operator console page whose account, invoice or ticket does not exist.
export default function OperatorNotFound() {
  return (
    <StatusCard title="Not found" backHref="/operator" backLabel="Back to the accounts">
      <p>There is no such account, invoice or ticket.</p>
    </StatusCard>
  );
}
