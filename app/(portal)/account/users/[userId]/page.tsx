import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { UserAccessForm } from "@/components/users/user-access-form";
import { UserRolesForm } from "@/components/users/user-roles-form";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { listRoles } from "@/lib/access/list-roles";
import { requirePagePermission } from "@/lib/access/page-guards";
import { roleSummary } from "@/lib/access/role-summary";
import { isAppError } from "@/lib/errors";
import { getUser } from "@/lib/users/list-users";
import { setUserRolesAction, userAccessAction } from "../actions";

export const metadata: Metadata = { title: "Manage user" };

// GET /account/users/[userId] — one user's roles and access. Another account's user is a 404.
export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requirePagePermission("users.manage");
  const { userId } = await params;
  const user = await getUser(viewer, userId, new Date()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const roles = await listRoles(viewer);
  const options = roles.map((r) => ({ id: r.id, name: r.name, summary: roleSummary(r.permissions) }));

  return (
    <>
      <Link href="/account/users" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← Users
      </Link>
      <div className="mt-2">
        <PageHeader
          title={user.name}
          description={
            <span className="flex flex-wrap items-center gap-2">
              <span className="break-all">{user.email}</span>
              <UserStatusBadge status={user.status} />
              {user.isViewer ? <span className="text-slate-500">This is you.</span> : null}
            </span>
          }
        />
      </div>
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
