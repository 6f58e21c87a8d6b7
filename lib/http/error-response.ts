import "server-only";
import { errorFields, logger } from "@/lib/log";
import { randomUUID } from "node:crypto";
import { isAppError, type AppError } from "@/lib/errors";
import { currentRequestContext } from "@/lib/server/request-context";
import type { InvalidDetails, Issue } from "@/lib/validation";

// The one error body every route handler sends (docs/ingest-api.md):
//   { "error": { "code", "message", "details"? } }
// A 422 always carries `details.issues: [{ path, message }]`, one per bad field.
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

function issuesOf(error: AppError): Issue[] {
  const details = error.details as Partial<InvalidDetails> | undefined;
  if (details?.issues) return details.issues;
  return Object.entries(details?.fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

// The body for an expected failure (also what the ingest API stores for an idempotent replay).
export function appErrorBody(error: AppError): ErrorBody {
  const details = error.code === "invalid" ? { issues: issuesOf(error) } : error.details;
  return { error: { code: error.code, message: error.message, ...(details === undefined ? {} : { details }) } };
}

// AppError → its status, message and details; a 429 that knows its wait also says it in
// Retry-After. Anything else is a 500 with a generic message and a digest that finds the logged error.
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const headers = error.status === 429 && typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined;
    return Response.json(appErrorBody(error), { status: error.status, headers });
  }
  const digest = randomUUID().slice(0, 8);
  logger().error({ digest, requestId: currentRequestContext()?.requestId, err: errorFields(error) }, "route error");
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong. Please try again.", details: { digest } } };
  return Response.json(body, { status: 500 });
}
