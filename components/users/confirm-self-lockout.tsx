import { Checkbox } from "@/components/ui/checkbox";

// Shown once the server said a change would remove the administrator's own access.
export function ConfirmSelfLockout({ id, show }: { id: string; show: boolean }) {
  if (!show) return null;
  return <Checkbox id={id} name="confirm" value="yes" label="Yes, remove my own access to Manage Users and Roles" className="rounded-md border border-amber-300 bg-amber-50 p-3" />;
}
