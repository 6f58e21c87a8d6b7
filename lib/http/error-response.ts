import "server-only";
import { errorFields, logger } from "@/lib/log";
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { isAppError, type AppError } from "@/lib/errors";
import { currentRequestContext } from "@/lib/server/request-context";
import type { InvalidDetails, Issue } from "@/lib/validation";
import type { ProblemCode, ProblemDetails } from "./problem-details-schema";

// The one error body every route handler sends (docs/ingest-api.md#errors): RFC 9457 problem
// details as `application/problem+json`,
//   { "type", "title", "status", "detail", "instance", "code", "issues"?, … }
// with our machine-readable `code` as an extension member. A 422 always carries
// `issues: [{ path, message }]`, one per bad field; other details (retryAfterSeconds, maxBytes,
// digest, …) are extension members too. Note: every code maps to exactly one status, so the
// problem type is "about:blank" (the status says it all) and the title is the status phrase.
// The schema (and the OpenAPI document's Problem): ./problem-details-schema.ts.
export type { ProblemDetails };

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const RESERVED = new Set(["type", "title", "status", "detail", "instance", "code", "issues", "fieldErrors"]);

function issuesOf(error: AppError): Issue[] {
  const details = error.details as Partial<InvalidDetails> | undefined;
  if (details?.issues) return details.issues;
  return Object.entries(details?.fieldErrors ?? {}).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

// The details object's own members, except ones that would shadow a standard member.
function extensionsOf(details: unknown): Record<string, unknown> {
  if (!details || typeof details !== "object" || Array.isArray(details)) return {};
  return Object.fromEntries(Object.entries(details).filter(([name]) => !RESERVED.has(name)));
}

function problem(status: number, code: ProblemCode, detail: string, instance: string | undefined, extensions: Record<string, unknown>): ProblemDetails {
  return { type: "about:blank", title: STATUS_CODES[status] ?? "Error", status, detail, ...(instance ? { instance } : {}), code, ...extensions };
}

// The body for an expected failure (also what the ingest API stores for an idempotent replay).
// `instance` is the request's path.
export function appErrorBody(error: AppError, instance?: string): ProblemDetails {
  const issues = error.code === "invalid" ? { issues: issuesOf(error) } : {};
  return problem(error.status, error.code, error.message, instance, { ...extensionsOf(error.details), ...issues });
}

// A problem body as a response with its media type.
export function problemResponse(body: ProblemDetails, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", PROBLEM_CONTENT_TYPE);
  return new Response(JSON.stringify(body), { status: init.status ?? body.status, headers });
}

// An error body stored before problem details (`{ "error": { code, message, details? } }`, kept
// by the ingest API for idempotent replays) in today's shape; anything else is returned as it is.
export function storedErrorAsProblem(body: unknown, status: number, instance: string): unknown {
  const legacy = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (!legacy || typeof legacy.code !== "string" || typeof legacy.message !== "string") return body;
  const issues = (legacy.details as { issues?: unknown } | undefined)?.issues;
  return problem(status, legacy.code as ProblemCode, legacy.message, instance, { ...extensionsOf(legacy.details), ...(Array.isArray(issues) ? { issues } : {}) });
}

const pathOf = (request: Request | undefined) => {
  try {
    return request ? new URL(request.url).pathname : undefined;
  } catch {
    return undefined;
  }
};

// AppError → its status, message and details; a 429 that knows its wait also says it in
// Retry-After. Anything else is a 500 with a generic message and a digest that finds the logged error.
export function errorResponse(error: unknown, request?: Request): Response {
  const instance = pathOf(request);
  if (isAppError(error)) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const headers = error.status === 429 && typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined;
    return problemResponse(appErrorBody(error, instance), { headers });
  }
  const digest = randomUUID().slice(0, 8);
  logger().error({ digest, requestId: currentRequestContext()?.requestId, err: errorFields(error) }, "route error");
  return problemResponse(problem(500, "internal", "Something went wrong. Please try again.", instance, { digest }));
}
