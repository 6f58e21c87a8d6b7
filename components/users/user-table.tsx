import Link from "next/link";
import { formatInstant } from "@/lib/dates";
import type { UserRow } from "@/lib/users/list-users";
import { StatusBadge } from "@/components/ui/status-badge";

// The account's users. On a phone the roles and status move under the name.
export function UserTable({ users, locale, timeZone }: { users: UserRow[]; locale: string; timeZone: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users of this account</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              User
            </th>
            <th scope="col" className="hidden px-4 py-2.5 md:table-cell">
              Roles
            </th>
            <th scope="col" className="hidden px-4 py-2.5 md:table-cell">
              Status
            </th>
            <th scope="col" className="px-4 py-2.5 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {users.map((user) => (
            <tr key={user.id} className="align-top">
              <td className="px-4 py-3">
                <div className="font-medium text-slate-900">
                  {user.name}
                  {user.isViewer ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
                </div>
                <div className="break-all text-slate-600 md:break-normal">{user.email}</div>
                <div className="mt-1.5 space-y-1 md:hidden">
                  <div className="text-slate-700">{user.roles.map((r) => r.name).join(", ") || "No roles"}</div>
                  <StatusBadge kind="user" status={user.status} />
                </div>
              </td>
              <td className="hidden px-4 py-3 text-slate-700 md:table-cell">{user.roles.map((r) => r.name).join(", ") || "No roles"}</td>
              <td className="hidden px-4 py-3 md:table-cell">
                <StatusBadge kind="user" status={user.status} />
                {user.invitationExpiresAt ? <div className="mt-1 text-xs text-slate-600">Link expires {formatInstant(user.invitationExpiresAt, locale, timeZone)}</div> : null}
              </td>
              <td className="px-4 py-3 text-right">
                <Link href={`/account/users/${user.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Manage<span className="sr-only"> {user.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
