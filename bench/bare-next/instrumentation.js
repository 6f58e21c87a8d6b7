// Keeps Next from picking up the portal's instrumentation.ts (database start-up) for the bare app.
export function register() {}
