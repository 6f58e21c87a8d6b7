import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { notificationPreferences, rolePermissions, userRoles, users } from "@/db/schema";
import type { Permission } from "@/lib/access/permissions";
import { DEFAULT_PREFERENCES } from "./preferences-schema";
import { grantingPermissions } from "./recipient-permissions";

// A derived table of everyone who should hear about an event needing `permission` (R-N4): active
// account users holding it through any role, with at least one Billing channel on (R-N2).
// Columns: user_id, account_id, alert, email, email_address, name.
// Note: spans all accounts; callers join it on the event's account_id.
export function recipientsSql(permission: Permission): SQL {
  const granting = sql.join(
    grantingPermissions(permission).map((p) => sql`${p}`),
    sql`, `,
  );
  const alert = sql`coalesce(${notificationPreferences.alert}, ${DEFAULT_PREFERENCES.alert})`;
  const email = sql`coalesce(${notificationPreferences.email}, ${DEFAULT_PREFERENCES.email})`;
  return sql`(
    select ${users.id} as user_id, ${users.accountId} as account_id, ${alert} as alert, ${email} as email,
           ${users.email} as email_address, ${users.name} as name
    from ${users}
    left join ${notificationPreferences}
      on ${notificationPreferences.userId} = ${users.id} and ${notificationPreferences.category} = 'billing'
    where ${users.disabledAt} is null
      and ${users.accountId} is not null
      and (${alert} or ${email})
      and exists (
        select 1 from ${userRoles}
        join ${rolePermissions} on ${rolePermissions.roleId} = ${userRoles.roleId} and ${rolePermissions.accountId} = ${userRoles.accountId}
        where ${userRoles.userId} = ${users.id} and ${userRoles.accountId} = ${users.accountId}
          and ${rolePermissions.permission} in (${granting})
      )
  )`;
}
