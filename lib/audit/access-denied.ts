import "server-only";
import { errorFields, logger } from "@/lib/log";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import type { Viewer } from "@/lib/access/load-viewer";
import { isPermission, type Permission } from "@/lib/access/permissions";
import { isAppError } from "@/lib/errors";
import { viewerActor } from "./viewer-actor";
import type { RequestOrigin } from "./record-audit-event";

// `access.denied` audit events (issue 12, item 11): a signed-in customer refused for a missing
// permission, or for a record that belongs to another account. Written by the places refusals
// are answered (the route wrapper, the form runner, the page guards), never by lib/ functions.

export const ACCESS_DENIED = "access.denied";
const PER_MINUTE_WINDOW = "1 minute";
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export type Denial = { route: string | null; permission: Permission } | { route: string | null; otherAccount: true };

// Note: at most one event per user, route and reason a minute, so a script hammering a
// forbidden URL cannot flood the log. The advisory lock makes "is there one already?" and the
// insert atomic per key.
export async function recordAccessDenied(viewer: Viewer, denial: Denial, origin: RequestOrigin = {}): Promise<void> {
  const reason = "permission" in denial ? denial.permission : "other_account";
  // Rate-limited per route pattern, so walking through ids is one event a minute, not one per id.
  const route = denial.route?.replace(UUID, "[id]") ?? null;
  const details = { route, path: denial.route, ...("permission" in denial ? { permission: denial.permission } : { otherAccount: true }) };
  const actor = viewerActor(viewer);
  const key = `${ACCESS_DENIED}:${viewer.userId}:${route ?? ""}:${reason}`;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    await tx.execute(sql`
      insert into audit_events (account_id, actor_user_id, actor_label, actor_kind, action, details, ip, user_agent)
      select ${viewer.accountId}, ${viewer.userId}, ${actor.label}, 'user', ${ACCESS_DENIED}, ${JSON.stringify(details)}::jsonb, ${origin.ip ?? null}, ${origin.userAgent?.slice(0, 500) ?? null}
      where not exists (
        select 1 from audit_events
        where actor_user_id = ${viewer.userId} and action = ${ACCESS_DENIED}
          and coalesce(details->>'route', '') = ${route ?? ""}
          and coalesce(details->>'permission', 'other_account') = ${reason}
          and created_at > now() - ${PER_MINUTE_WINDOW}::interval
      )`);
  });
}

// Note: deliberately cross-account, to tell "another account's record" from "no such record"
// for the audit log only; the answer to the user stays the same 404 either way.
async function belongsToAnotherAccount(viewer: Viewer, id: string): Promise<boolean> {
  if (!new RegExp(`^${UUID.source}$`, "i").test(id)) return false;
  const db = await getDb();
  const [row] = await rawRows<{ found: boolean }>(
    db,
    sql`
    select exists (
      select 1 from invoices where id = ${id} and account_id <> ${viewer.accountId}
      union all select 1 from users where id = ${id} and account_id is distinct from ${viewer.accountId}
      union all select 1 from roles where id = ${id} and account_id <> ${viewer.accountId}
      union all select 1 from support_tickets where id = ${id} and account_id <> ${viewer.accountId}
      union all select 1 from payment_methods where id = ${id} and account_id <> ${viewer.accountId}
    ) as found`,
  );
  return Boolean(row?.found);
}

// Records the denial an error stands for, if it is one: a forbidden with the missing permission,
// or a not-found for an id that exists in another account. Never throws: the refusal is answered
// whether or not the audit write works.
export async function auditRefusal(viewer: Viewer, error: unknown, context: { route: string | null; id?: string | null; origin?: RequestOrigin }): Promise<void> {
  if (!isAppError(error) || viewer?.kind !== "customer") return;
  try {
    const permission = (error.details as { permission?: unknown } | undefined)?.permission;
    if (error.code === "forbidden" && typeof permission === "string" && isPermission(permission)) {
      await recordAccessDenied(viewer, { route: context.route, permission }, context.origin);
    } else if (error.code === "not_found" && context.id && (await belongsToAnotherAccount(viewer, context.id))) {
      await recordAccessDenied(viewer, { route: context.route, otherAccount: true }, context.origin);
    }
  } catch (auditError) {
    logger().error({ err: errorFields(auditError) }, "access.denied not recorded");
  }
}
