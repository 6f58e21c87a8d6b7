import type { Permission } from "./permissions";

// What the proxy requires before a page renders (R-P4): the one map from route prefix to need.
// "customer" is any signed-in portal user, "operator" provider staff. The longest matching
// prefix wins. Note: the proxy is the first gate only; every page and lib/ function checks again.
export type RouteRequirement = Permission | "customer" | "operator" | "signed-in";

export const ROUTE_REQUIREMENTS: ReadonlyArray<readonly [prefix: string, requirement: RouteRequirement]> = [
  ["/account/invoices", "invoices.view"],
  ["/account/payment-methods", "payments.read"],
  ["/account/users", "users.manage"],
  ["/account/roles", "users.manage"],
  ["/account/audit-log", "users.manage"],
  ["/support", "support.use"],
  ["/account", "customer"],
  ["/settings", "customer"],
  ["/alerts", "customer"],
  ["/missing-permission", "customer"],
  ["/operator", "operator"],
];

// The longest ROUTE_REQUIREMENTS entry the path falls under ("/" itself: signed-in), or null.
export function routeRule(pathname: string): readonly [prefix: string, requirement: RouteRequirement] | null {
  if (pathname === "/") return ["/", "signed-in"];
  let best: readonly [string, RouteRequirement] | null = null;
  for (const entry of ROUTE_REQUIREMENTS) {
    const [prefix] = entry;
    if ((pathname === prefix || pathname.startsWith(`${prefix}/`)) && (!best || prefix.length > best[0].length)) best = entry;
  }
  return best;
}

export function routeRequirement(pathname: string): RouteRequirement | null {
  return routeRule(pathname)?.[1] ?? null;
}

export type GateDecision = { kind: "allow" } | { kind: "sign-in" } | { kind: "redirect"; to: string } | { kind: "not-found" };

// Pure decision for one request: who is signed in (null: nobody live) against what the route needs.
export function decideRoute(requirement: RouteRequirement, who: { isOperator: boolean; permissions: ReadonlySet<Permission> } | null): GateDecision {
  if (!who) return { kind: "sign-in" };
  if (requirement === "signed-in") return { kind: "allow" };
  if (requirement === "operator") return who.isOperator ? { kind: "allow" } : { kind: "not-found" };
  if (who.isOperator) return { kind: "redirect", to: "/operator" };
  if (requirement === "customer" || who.permissions.has(requirement)) return { kind: "allow" };
  return { kind: "redirect", to: `/missing-permission?permission=${encodeURIComponent(requirement)}` };
}
