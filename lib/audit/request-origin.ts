import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { RequestOrigin } from "./record-audit-event";

// Where a request came from, for the audit log ("from where", R-P6). Route handlers pass their
// request's headers (the route wrapper does it once); server actions use requestOrigin().
export function originOf(source: Headers): RequestOrigin {
  return { ip: clientIpFrom(source.get("x-forwarded-for"), source.get("x-real-ip")), userAgent: source.get("user-agent") };
}

// The current server action's origin, from Next's request headers.
export async function requestOrigin(): Promise<RequestOrigin> {
  return originOf(await headers());
}
