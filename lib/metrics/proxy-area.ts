import { routeRule } from "@/lib/access/route-permissions";

// The label a request's pass through the proxy is counted under: the permission prefix it falls
// under (/account/invoices, /operator, …), /api for route handlers, or "public" (sign-in, static
// pages). A fixed, small set whatever paths clients send, so the metrics page stays small.
export function proxyArea(pathname: string): string {
  const rule = routeRule(pathname);
  if (rule) return rule[0];
  return pathname === "/api" || pathname.startsWith("/api/") ? "/api" : "public";
}
