// Expected failures carry a code; routeError() maps them to HTTP in one place.
export type AppErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "rate_limited";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(what = "Not found"): AppError {
  return new AppError("not_found", what);
}

// Route handlers: AppError → its status and message; anything else → 500 with a generic message.
// A 429 whose details say how long to wait also says it in Retry-After.
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    const headers = error.status === 429 && typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined;
    return Response.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status, headers });
  }
  console.error(error);
  return Response.json({ error: { code: "internal", message: "Something went wrong. Please try again." } }, { status: 500 });
}
