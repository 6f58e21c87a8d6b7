import "server-only";
import { createHash, randomBytes } from "node:crypto";

const PREFIX_LENGTH = 12;

// A new secret: "bpk_" + 32 random bytes. Only its SHA-256 and first characters are stored.
export function generateApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `bpk_${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, PREFIX_LENGTH), hash: hashApiKeySecret(secret) };
}

// Note: a fast hash is right here: the secret is 256 random bits, so there is nothing to brute-force,
// and lookups by hash need no per-key salt.
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

// The secret from "Authorization: Bearer <secret>", or null.
export function bearerSecret(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1] : null;
}
