import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DetailHeader } from "@/components/ui/detail-header";
import { UserAccessForm } from "@/components/users/user-access-form";
import { UserRolesForm } from "@/components/users/user-roles-form";
import { listRoles } from "@/lib/access/list-roles";
import { requirePagePermission } from "@/lib/access/page-guards";
import { roleSummary } from "@/lib/access/role-summary";
import { orNotFound } from "@/lib/or-not-found";
import { getUser } from "@/lib/users/list-users";
import { StatusBadge } from "@/components/ui/status-badge";
import { setUserRolesAction, userAccessAction } from "../actions";

export const metadata: Metadata = { title: "Manage user" };

// GET /account/users/[userId] — one user's roles and access. Another account's user is a 404.
export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requirePagePermission("users.manage");
  const { userId } = await params;
  const user = await orNotFound(getUser(viewer, userId, new Date()), { viewer, id: userId, route: `/account/users/${userId}` });
  const roles = await listRoles(viewer);
  const options = roles.map((r) => ({ id: r.id, name: r.name, summary: roleSummary(r.permissions) }));

  return (
    <>
      <DetailHeader
        back={{ href: "/account/users", label: "Users" }}
        title={user.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="break-all">{user.email}</span>
            <StatusBadge kind="user" status={user.status} />
            {user.isViewer ? <span className="text-slate-500">This is you.</span> : null}
          </span>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">Roles</h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">The user gets every permission of every role they hold.</p>
          <UserRolesForm setUserRoles={setUserRolesAction} userId={user.id} roles={options} current={user.roles.map((r) => r.id)} />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Access</h2>
          <UserAccessForm changeAccess={userAccessAction} userId={user.id} name={user.name} status={user.status} />
        </Card>
      </div>
    </>
  );
}
