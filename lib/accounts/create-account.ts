import "server-only";
import type { Db } from "@/db/client";
import { accounts, rolePermissions, roles, type NewAccount } from "@/db/schema";
import { BUILT_IN_ROLES, type BuiltInRoleKey } from "@/lib/access/permissions";

// Creates an account with its four built-in roles (R-P2).
// Note: provider-side (seed, operator console); not callable by portal users.
export async function createAccount(db: Db, values: NewAccount) {
  return db.transaction(async (tx) => {
    const [account] = await tx.insert(accounts).values(values).returning();
    const roleIds = {} as Record<BuiltInRoleKey, string>;
    for (const builtIn of BUILT_IN_ROLES) {
      const [role] = await tx.insert(roles).values({ accountId: account.id, name: builtIn.name, builtInKey: builtIn.key, isBuiltIn: true }).returning({ id: roles.id });
      roleIds[builtIn.key] = role.id;
      if (builtIn.permissions.length > 0) {
        await tx.insert(rolePermissions).values(builtIn.permissions.map((permission) => ({ accountId: account.id, roleId: role.id, permission })));
      }
    }
    return { account, roleIds };
  });
}
