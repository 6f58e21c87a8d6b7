// Forces two transactions to interleave: a third connection holds a table lock that both need
// late in their work, so each runs everything before that point (its checks, its count) while the
// other is still open. Without a lock that serialises them earlier, both pass their checks before
// either commits, in every run; no sleeps, no luck.
import pg from "pg";

export type LockBarrier = {
  // Resolves once `n` sessions of this database are waiting on a lock (the barrier's or another).
  waitForBlocked: (n: number) => Promise<void>;
  release: () => Promise<void>;
};

// Resolves once `n` sessions of this database (other than `client`'s) are waiting on a lock.
async function waitForBlockedOn(client: pg.Client, n: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // pg_stat_activity is read once per transaction unless the snapshot is cleared.
    await client.query("select pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
    );
    if (rows[0].n >= n) return;
    if (Date.now() > deadline) {
      const { rows: sessions } = await client.query("select state, wait_event_type, wait_event, query from pg_stat_activity where datname = current_database()");
      throw new Error(`expected ${n} sessions blocked on a lock, saw ${rows[0].n}: ${JSON.stringify(sessions)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

// Waits, on a connection of its own, until `n` other sessions are blocked on a lock: lets a
// transaction that holds one stay open until the others have queued behind it.
export async function waitForBlockedSessions(n: number, timeoutMs = 10_000): Promise<void> {
  const client = await connect();
  try {
    await waitForBlockedOn(client, n, timeoutMs);
  } finally {
    await client.end();
  }
}

// Takes `lock table <table> in share mode` (blocks INSERT/UPDATE/DELETE on it, not reads) on a
// connection of its own, until `release`.
export async function holdTableLock(table: string): Promise<LockBarrier> {
  const client = await connect();
  await client.query("begin");
  await client.query(`lock table ${table} in share mode`);
  return {
    waitForBlocked: (n) => waitForBlockedOn(client, n, 10_000),
    release: async () => {
      await client.query("commit");
      await client.end();
    },
  };
}

// Starts every task while `table` is locked, waits until all of them are blocked (on the barrier
// or on a lock of their own taking), then lets them go; settles like Promise.allSettled.
export async function runThroughBarrier<T>(table: string, tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const barrier = await holdTableLock(table);
  let released = false;
  try {
    const running = Promise.allSettled(tasks.map((task) => task()));
    await barrier.waitForBlocked(tasks.length);
    released = true;
    await barrier.release();
    return await running;
  } finally {
    if (!released) await barrier.release();
  }
}

// Locks the rows `query` selects (a `select ... for update`) on a connection of its own, in a
// transaction kept open until `release`: another worker's view of a row mid-claim.
export async function holdRowLocks(query: string, params: unknown[] = []): Promise<{ release: () => Promise<void> }> {
  const client = await connect();
  await client.query("begin");
  await client.query(query, params);
  return {
    release: async () => {
      await client.query("commit");
      await client.end();
    },
  };
}
