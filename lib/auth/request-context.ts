import "server-only";
import { clientIpFrom } from "./client-ip";

// Where a sign-in comes from, from a Headers object or next-auth's plain header record.
export function requestContext(headers: unknown): { ip: string; userAgent: string | null } {
  return { ip: clientIpFrom(header(headers, "x-forwarded-for"), header(headers, "x-real-ip")), userAgent: header(headers, "user-agent") };
}

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : (value ?? null);
}
