import { isIP } from "node:net";
import { trustedProxyCount } from "@/lib/env";

// The client's address, or "unknown" when it cannot be trusted. Note: Next's server sets
// X-Forwarded-For only when the request has none and never appends the peer, so without a proxy
// every entry is written by the client. Behind TRUSTED_PROXY_COUNT proxies that each append the
// address they saw, the client is the entry the outermost trusted proxy appended: that many
// entries from the right. With 0 the header (and X-Real-IP) is ignored entirely.
export function clientIpFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const trusted = trustedProxyCount();
  if (trusted === 0) return "unknown";
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const candidate = hops.length > 0 ? hops[hops.length - trusted] : realIp?.trim();
  return validIp(candidate);
}

// Whatever is stored as an IP is a valid address or "unknown" (never client-chosen text).
export function validIp(value: string | null | undefined): string {
  return value && isIP(value) ? value : "unknown";
}
