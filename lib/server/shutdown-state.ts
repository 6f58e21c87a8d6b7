import "server-only";

// Set once SIGTERM arrives (lib/server/http-server.ts): readiness checks answer "not ready" from
// then on, so a load balancer stops sending traffic while in-flight requests finish. On globalThis
// because the server entry and each route bundle must see the same flag.
const state = globalThis as unknown as { __billingShuttingDown?: boolean };

export function markShuttingDown(): void {
  state.__billingShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.__billingShuttingDown === true;
}
