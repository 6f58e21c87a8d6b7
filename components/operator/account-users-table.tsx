import { StatusBadge } from "@/components/ui/status-badge";
import { DataTable, Td, Th } from "@/components/ui/table";
import type { AccountOverview } from "@/lib/operator/get-account-overview";

// Read-only: operators see who is in the account; account administrators manage them.
export function AccountUsersTable({ users }: { users: AccountOverview["users"] }) {
  if (users.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No users.</p>;
  return (
    <DataTable caption="Users">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Roles</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {users.map((user) => (
          <tr key={user.id}>
            <Td className="font-medium">{user.name}</Td>
            <Td className="min-w-44 break-words">{user.email}</Td>
            <Td>{user.roles.length ? user.roles.join(", ") : "No roles"}</Td>
            <Td>
              <StatusBadge kind="user" status={user.disabledAt ? "disabled" : "active"} />
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
