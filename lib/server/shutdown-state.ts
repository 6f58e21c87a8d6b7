// Whether this instance is shutting down (issue 15 items 4 and 5). The graceful-shutdown code
// marks it on SIGTERM; /api/ready then answers 503 so the load balancer stops sending new
// requests while in-flight ones finish. Kept on globalThis: Next.js bundles instrumentation
// (where the signal handler lives) and the route handlers separately.
const state = globalThis as unknown as { __portalShuttingDown?: boolean };

export function markShuttingDown(): void {
  state.__portalShuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.__portalShuttingDown === true;
}
