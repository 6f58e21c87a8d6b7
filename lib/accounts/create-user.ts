import "server-only";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type CreateUserInput = {
  accountId: string | null;
  email: string;
  name: string;
  passwordHash: string | null;
  isOperator?: boolean;
  roleIds?: string[];
};

// Inserts a user (portal user with roles, or an operator). Emails are stored lower-cased and are
// unique among logins and within an account (db/schema/users.ts); either clash is a conflict.
// Note: callers check who may create users; this only writes.
export async function createUser(db: Db, input: CreateUserInput) {
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ accountId: input.accountId, email, name: input.name, passwordHash: input.passwordHash, isOperator: input.isOperator ?? false })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name, accountId: users.accountId });
    if (!user) throw new AppError("conflict", `A user with the email ${email} already exists`);
    if (input.accountId && input.roleIds?.length) {
      await tx.insert(userRoles).values(input.roleIds.map((roleId) => ({ accountId: input.accountId!, userId: user.id, roleId })));
    }
    return user;
  });
}
