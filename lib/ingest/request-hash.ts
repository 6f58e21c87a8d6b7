import { createHash } from "node:crypto";

// JSON with object keys sorted at every level, so the same body hashes the same however it was formatted.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// What "the same request" means for an Idempotency-Key: same endpoint and same JSON body.
export function requestHash(endpoint: string, body: unknown): string {
  return createHash("sha256")
    .update(`${endpoint}\n${canonicalJson(body)}`)
    .digest("hex");
}
