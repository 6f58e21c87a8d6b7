// Runs once when the server process starts (Next.js instrumentation hook). NEXT_RUNTIME and
// NEXT_PHASE are set by Next.js itself and read here directly, before any Node-only module loads;
// the portal's own settings are read and validated in lib/env.ts (called from startServer).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server/start");
  await startServer();
}
