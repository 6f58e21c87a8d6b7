// Whether this instance is shutting down (issue 15 items 4 and 5). lib/server/http-server.ts marks
// it on SIGTERM; /api/ready then answers 503 so the load balancer stops sending new requests
// while in-flight ones finish. Kept on globalThis: the server entry gets lib/server/http-server.ts
// through instrumentation's bundle, and the route handlers are bundled separately.
const state = globalThis as unknown as { __portalShuttingDown?: boolean };

export function markShuttingDown(): void {
  state.__portalShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.__portalShuttingDown === true;
}
