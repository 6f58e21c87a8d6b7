import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "@/lib/env";

// The key that signs session cookies: NEXTAUTH_SECRET, or else (development, demo mode) a random
// key made once per installation and kept in .data/auth-secret (DATA_DIR). Note: never a fixed fallback;
// anyone who knows it can forge a session for any user. lib/server/start.ts refuses production
// without NEXTAUTH_SECRET outside demo mode, where several instances must share one key.
let generated: string | undefined;

export function authSecret(): string {
  const { NEXTAUTH_SECRET } = env();
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  generated ??= installationSecret(path.join(dataDir(), "auth-secret"));
  return generated;
}

function installationSecret(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process (the proxy bundle, a second worker) wrote it first, read theirs.
      writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readFileSync(file, "utf8").trim();
  }
}
