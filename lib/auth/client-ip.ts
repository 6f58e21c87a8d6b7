import { env } from "@/lib/env";

// The client's address from X-Forwarded-For. Next's server appends the connecting peer as the
// last entry; behind N trusted proxies (TRUSTED_PROXY_COUNT) the client is N entries further left.
// Entries further left are written by the client and are not trusted.
export function clientIpFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const trusted = env().TRUSTED_PROXY_COUNT;
  const index = hops.length - 1 - trusted;
  return (index >= 0 ? hops[index] : hops[0]) ?? realIp ?? "unknown";
}
