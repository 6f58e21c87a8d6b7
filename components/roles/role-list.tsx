import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PERMISSION_INFO } from "@/lib/access/permissions";
import type { RoleSummary } from "@/lib/access/list-roles";

// Every role of the account with its permissions and how many users hold it.
export function RoleList({ roles }: { roles: RoleSummary[] }) {
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      {roles.map((role) => (
        <li key={role.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="font-medium text-slate-900">{role.name}</h2>
              {role.isBuiltIn ? <Badge>Built-in</Badge> : <Badge tone="info">Custom</Badge>}
              <span className="text-xs text-slate-600">{role.userCount === 1 ? "1 user" : `${role.userCount} users`}</span>
            </div>
            <p className="mt-1 text-sm text-slate-700">{role.permissions.length ? role.permissions.map((p) => PERMISSION_INFO[p].label).join(" · ") : "No permissions"}</p>
          </div>
          <Link href={`/account/roles/${role.id}`} className="shrink-0 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {role.isBuiltIn ? "View" : "Edit"}
            <span className="sr-only"> {role.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
