import type { Instrumentation } from "next";

// Runs once when the server process starts (Next.js instrumentation hook). NEXT_RUNTIME and
// NEXT_PHASE are set by Next.js itself and read here directly, before any Node-only module loads;
// the portal's own settings are read and validated in lib/env.ts (called from startServer).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerForEntry } = await import("./lib/server/start");
  await startServerForEntry();
}

// An error a page, layout, server action or route handler threw: one log line with the digest the
// user sees on the error page ("Digest: …"), so support can find it from a screenshot, and the
// request id the response carried (X-Request-Id). Never the request's body or cookies.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/server/request-error-log");
  logRequestError(error, request, context);
};
