import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { reminderRescans } from "@/db/schema";

// Marks deleted per statement when pruning, so no statement holds an unbounded set of row locks.
const PRUNE_BATCH = 10_000;

// A mark's transaction, as seen from a sweep's start snapshot (pg_current_snapshot()::text).
const visibleIn = (snapshot: string) => sql`pg_visible_in_snapshot(${reminderRescans.markedXid}::text::xid8, ${snapshot}::pg_snapshot)`;

// The accounts changed where a sweep that started with `snapshot` could not see it (migration 0010's
// triggers mark them): a windowed sweep based on that sweep reads their open invoices in full.
// A transaction a snapshot does not see has an id at or above the snapshot's xmin, so the range
// reads only recent marks through reminder_rescans_marked_xid_idx, not every mark on the table
// (six per account after a set-based import) nor the dead rows a prune leaves until vacuum.
export function accountsChangedSince(snapshot: string): SQL {
  return sql`select distinct ${reminderRescans.accountId} from ${reminderRescans}
    where ${reminderRescans.markedXid} >= pg_snapshot_xmin(${snapshot}::pg_snapshot)::text::bigint and not ${visibleIn(snapshot)}`;
}

// Deletes the marks a completed base sweep already saw. Every later base started after this run,
// so after that base finished: its snapshot sees them too, and no windowed sweep needs them again.
export async function pruneRescans(db: Db, baseSnapshot: string): Promise<void> {
  for (;;) {
    const [{ deleted }] = await rawRows<{ deleted: number }>(
      db,
      sql`with gone as (
        delete from ${reminderRescans} where ${reminderRescans.id} in (select ${reminderRescans.id} from ${reminderRescans} where ${visibleIn(baseSnapshot)} limit ${PRUNE_BATCH})
        returning 1
      ) select count(*)::int as deleted from gone`,
    );
    if (deleted < PRUNE_BATCH) return;
  }
}
