import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { UserTable } from "@/components/users/user-table";
import { listRoles } from "@/lib/access/list-roles";
import { requirePagePermission } from "@/lib/access/page-guards";
import { roleSummary } from "@/lib/access/role-summary";
import { listUsers } from "@/lib/users/list-users";
import { inviteUserAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

// GET /account/users — the account's users, their roles and status, and the invite form.
export default async function UsersPage() {
  const viewer = await requirePagePermission("users.manage");
  const [users, roles] = await Promise.all([listUsers(viewer, new Date()), listRoles(viewer)]);
  const options = roles.map((r) => ({ id: r.id, name: r.name, summary: roleSummary(r.permissions) }));
  const billingViewer = roles.find((r) => r.builtInKey === "billing_viewer");
  return (
    <>
      <PageHeader title="Users" description="People in this account, the roles that decide what they see, and whether they can sign in." />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <UserTable users={users} locale={viewer.account.locale} timeZone={viewer.account.timeZone} />
        <InviteUserForm inviteUser={inviteUserAction} roles={options} defaultRoleId={billingViewer?.id ?? null} />
      </div>
    </>
  );
}
