// Expected failures carry a code; lib/http/error-response.ts maps them to HTTP and
// lib/forms/run-form-action.ts to form state, each in one place.
export type AppErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export const APP_ERROR_CODES = Object.keys(STATUS) as AppErrorCode[];

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

// Named apart from next/navigation's notFound(), which renders the 404 page instead of returning an error.
export function notFoundError(what = "Not found"): AppError {
  return new AppError("not_found", what);
}
