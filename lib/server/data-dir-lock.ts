import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pgliteDir } from "@/db/client";

// PGlite has no cross-process lock and two processes on one data dir silently lose rows, so the
// process that opens it writes its pid beside it, and any other process refuses to open it.
export function lockFile(): string {
  return path.join(path.dirname(pgliteDir()), `${path.basename(pgliteDir())}.pid`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The pid holding the embedded database, if another live process does.
export function dataDirHolder(): number | null {
  try {
    const pid = Number(readFileSync(lockFile(), "utf8").trim());
    return pid && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function claimDataDir(): void {
  if (pgliteDir().startsWith("memory://")) return;
  const holder = dataDirHolder();
  if (holder) {
    throw new Error(`The embedded database ${pgliteDir()} is in use by process ${holder}. Stop it first.`);
  }
  mkdirSync(path.dirname(lockFile()), { recursive: true });
  writeFileSync(lockFile(), String(process.pid));
  process.once("exit", () => rmSync(lockFile(), { force: true }));
}
