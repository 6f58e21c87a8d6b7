import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DetailHeader } from "@/components/ui/detail-header";
import { DeleteRoleForm } from "@/components/roles/delete-role-form";
import { RenameRoleForm, RolePermissionsForm } from "@/components/roles/edit-role-forms";
import { getRole, listRoles } from "@/lib/access/list-roles";
import { requirePagePermission } from "@/lib/access/page-guards";
import { PERMISSION_INFO, PERMISSIONS } from "@/lib/access/permissions";
import { orNotFound } from "@/lib/or-not-found";
import { deleteRoleAction, renameRoleAction, setRolePermissionsAction } from "../actions";

export const metadata: Metadata = { title: "Role" };

// GET /account/roles/[roleId] — a built-in role read-only, or a custom role to edit or delete.
export default async function RolePage({ params }: { params: Promise<{ roleId: string }> }) {
  const viewer = await requirePagePermission("users.manage");
  const { roleId } = await params;
  const role = await orNotFound(getRole(viewer, roleId), { viewer, id: roleId, route: `/account/roles/${roleId}` });
  const others = role.isBuiltIn ? [] : (await listRoles(viewer)).filter((r) => r.id !== role.id).map((r) => ({ id: r.id, name: r.name }));

  return (
    <>
      <DetailHeader
        back={{ href: "/account/roles", label: "Roles" }}
        title={role.name}
        description={role.isBuiltIn ? "A built-in role: every account has it and it can't be changed. Create a custom role for a different set." : "A custom role of this account."}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold text-slate-900">Permissions</h2>
          {role.isBuiltIn ? (
            <ul className="space-y-3">
              {PERMISSIONS.map((p) => (
                <li key={p} className="text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{PERMISSION_INFO[p].label}</span>
                    {role.permissions.includes(p) ? <Badge tone="success">Included</Badge> : <Badge>Not included</Badge>}
                  </div>
                  <p className="text-slate-600">{PERMISSION_INFO[p].description}</p>
                </li>
              ))}
            </ul>
          ) : (
            <RolePermissionsForm savePermissions={setRolePermissionsAction} roleId={role.id} current={role.permissions} />
          )}
        </Card>
        <div className="space-y-6">
          {role.isBuiltIn ? null : (
            <Card className="p-5">
              <h2 className="mb-3 text-base font-semibold text-slate-900">Name</h2>
              <RenameRoleForm renameRole={renameRoleAction} roleId={role.id} name={role.name} />
            </Card>
          )}
          <Card className="p-5">
            <h2 className="text-base font-semibold text-slate-900">Users with this role</h2>
            {role.users.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {role.users.map((u) => (
                  <li key={u.id}>
                    <Link href={`/account/users/${u.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {u.name}
                    </Link>{" "}
                    <span className="break-all text-slate-600">{u.email}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Nobody holds this role.</p>
            )}
          </Card>
          {role.isBuiltIn ? null : (
            <Card className="p-5">
              <h2 className="mb-3 text-base font-semibold text-slate-900">Delete role</h2>
              <DeleteRoleForm deleteRole={deleteRoleAction} roleId={role.id} roleName={role.name} userCount={role.userCount} otherRoles={others} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
