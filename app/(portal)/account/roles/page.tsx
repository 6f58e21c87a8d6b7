import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { CreateRoleForm } from "@/components/roles/create-role-form";
import { RoleList } from "@/components/roles/role-list";
import { listRoles } from "@/lib/access/list-roles";
import { requirePagePermission } from "@/lib/access/page-guards";
import { createRoleAction } from "./actions";

export const metadata: Metadata = { title: "Roles" };

// GET /account/roles — built-in and custom roles, and the form to create one.
export default async function RolesPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const viewer = await requirePagePermission("users.manage");
  const [roles, { deleted }] = await Promise.all([listRoles(viewer), searchParams]);
  return (
    <>
      <PageHeader title="Roles" description="A role is a set of permissions. A user can hold several roles and gets every permission of each." />
      {deleted ? (
        <Notice tone="success" className="mb-4">
          Role deleted.
        </Notice>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <RoleList roles={roles} />
        <CreateRoleForm createRole={createRoleAction} />
      </div>
    </>
  );
}
