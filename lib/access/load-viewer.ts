import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { accounts, rolePermissions, userRoles, users } from "@/db/schema";
import { grantedPermissionsSql, liveSessionOf, liveSessionQuery, type LiveSession } from "@/lib/auth/sessions";
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

type LiveIdentityRow = {
  user_id: string;
  email: string;
  name: string;
  is_operator: boolean;
  permissions: string[] | string | null;
  account_id: string | null;
  slug: string;
  account_name: string;
  time_zone: string;
  locale: string;
  currency: string;
  invoice_generation: number;
  upgraded_at: string | Date | null;
};

// The live session behind a cookie AND who its user is, in ONE statement: what every page
// request needs before anything else (lib/access/viewer.ts). The same rules as loadLiveSession
// (null unless live and the user active; touches last-seen) and loadIdentity (a customer
// without an account has no identity).
export type LiveIdentity = { session: LiveSession; identity: Identity | null };

export async function loadLiveIdentity(db: Db, ref: { sessionId: string; userId: string }, now: Date): Promise<LiveIdentity | null> {
  const live = liveSessionQuery(ref, now);
  if (!live) return null;
  const [row] = await rawRows<LiveIdentityRow>(
    db,
    sql`${live}
        select u.id as user_id, u.email, u.name, u.is_operator, ${grantedPermissionsSql} as permissions,
          a.id as account_id, a.slug, a.name as account_name, a.time_zone, a.locale, a.currency, a.invoice_generation, a.upgraded_at
        from live join users u on u.id = live.user_id
        left join accounts a on a.id = u.account_id
        where u.disabled_at is null`,
  );
  if (!row) return null;
  const session = liveSessionOf(ref, row);
  return { session, identity: identityOf(row, session.permissions) };
}

function identityOf(row: LiveIdentityRow, permissions: ReadonlySet<Permission>): Identity | null {
  if (row.is_operator) return { kind: "operator", userId: row.user_id, email: row.email, name: row.name };
  if (!row.account_id) return null;
  const account: ViewerAccount = {
    id: row.account_id,
    slug: row.slug,
    name: row.account_name,
    timeZone: row.time_zone,
    locale: row.locale,
    currency: row.currency,
    invoiceGeneration: Number(row.invoice_generation),
    upgradedAt: row.upgraded_at === null ? null : new Date(row.upgraded_at),
  };
  return { kind: "customer", userId: row.user_id, email: row.email, name: row.name, accountId: account.id, account, permissions };
}
