import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { UserStatus } from "@/lib/users/list-users";

const STATUS: Record<UserStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited", tone: "info" },
  invitation_expired: { label: "Invitation expired", tone: "warning" },
  disabled: { label: "Disabled", tone: "neutral" },
};

export function UserStatusBadge({ status }: { status: UserStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
