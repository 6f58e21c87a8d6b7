import "server-only";
import { errorFields, logger } from "@/lib/log";
import { getDb } from "@/db/client";
import { migrationsAreCurrent } from "@/db/migration-status";
import { isShuttingDown } from "./shutdown-state";

// What /api/ready answers (issue 15 item 5): ready to take traffic, or the one reason not.
// Reasons are fixed words, never an error message, a host name or a count.
export type Readiness = { ready: true } | { ready: false; reason: "shutting_down" | "database_unreachable" | "migrations_pending" };

// How long the database may take to answer before the instance counts as not ready: a probe
// must answer quickly even when the pool is exhausted or the server hangs.
export const READINESS_TIMEOUT_MS = 2_000;

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Not shutting down, the database answers, and it has every migration this build ships.
export async function checkReadiness(): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "shutting_down" };
  let current: boolean;
  try {
    current = await withinTimeout(
      getDb().then((db) => migrationsAreCurrent(db)),
      READINESS_TIMEOUT_MS,
    );
  } catch (error) {
    logger().warn({ err: errorFields(error) }, "readiness: database check failed");
    return { ready: false, reason: "database_unreachable" };
  }
  return current ? { ready: true } : { ready: false, reason: "migrations_pending" };
}
