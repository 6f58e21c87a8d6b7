import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, rolePermissions, userRoles, users } from "@/db/schema";
import { effectivePermissions, type Permission } from "./permissions";

export type ViewerAccount = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  locale: string;
  currency: string;
  invoiceGeneration: number;
  upgradedAt: Date | null;
};

// The account columns a Viewer carries (also what operator forms need to know of an account).
export const viewerAccountColumns = {
  id: accounts.id,
  slug: accounts.slug,
  name: accounts.name,
  timeZone: accounts.timeZone,
  locale: accounts.locale,
  currency: accounts.currency,
  invoiceGeneration: accounts.invoiceGeneration,
  upgradedAt: accounts.upgradedAt,
};

// A signed-in portal user, as every tenant data function receives it.
export type Viewer = {
  kind: "customer";
  userId: string;
  email: string;
  name: string;
  accountId: string;
  account: ViewerAccount;
  permissions: ReadonlySet<Permission>;
};

// Provider staff: no account, no tenant permissions; only operator functions accept one.
export type Operator = { kind: "operator"; userId: string; email: string; name: string };

export type Identity = Viewer | Operator;

// Loads who a user is right now, from the database: a disabled or deleted user gets null,
// and permission changes apply on the next call (no claims are trusted from the session).
// One statement (user, account and the permissions granted in that account), since every page
// request starts here.
export async function loadIdentity(db: Db, userId: string): Promise<Identity | null> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isOperator: users.isOperator,
      account: viewerAccountColumns,
      // text[]: both drivers decode it to an array of strings.
      grants: sql<string[]>`array(
        select ${rolePermissions.permission}::text from ${userRoles}
        join ${rolePermissions} on ${rolePermissions.roleId} = ${userRoles.roleId} and ${rolePermissions.accountId} = ${userRoles.accountId}
        where ${userRoles.userId} = ${users.id} and ${userRoles.accountId} = ${users.accountId})`,
    })
    .from(users)
    .leftJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  if (user.isOperator) return { kind: "operator", userId: user.id, email: user.email, name: user.name };
  const { account } = user;
  if (!account) return null;

  return {
    kind: "customer",
    userId: user.id,
    email: user.email,
    name: user.name,
    accountId: account.id,
    account,
    permissions: effectivePermissions(user.grants),
  };
}
