import "server-only";
import { headers } from "next/headers";
import { clientIpFrom } from "@/lib/auth/client-ip";
import type { RequestOrigin } from "./record-audit-event";

// Where the current request came from, for the audit log ("from where", R-P6).
export async function requestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  return { ip: clientIpFrom(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent") };
}
