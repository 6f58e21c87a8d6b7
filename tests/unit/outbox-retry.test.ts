import { describe, expect, it } from "vitest";
import { OUTBOX_RETRY, parseRetryAfter, retryDelayMs } from "@/lib/notifications/outbox/backoff";
import { classifySendError } from "@/lib/notifications/outbox/send-outcome";

const now = new Date("2026-12-01T10:00:00Z");

describe("outbox backoff", () => {
  it("grows exponentially with jitter between half and all of the step, up to the cap", () => {
    expect(retryDelayMs(1, null, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, null, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, null, () => 1)).toBe(120_000);
    expect(retryDelayMs(20, null, () => 1)).toBe(OUTBOX_RETRY.capMs);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => retryDelayMs(4, null, () => i / 20)));
    expect(spread.size).toBe(20);
  });

  it("never retries sooner than Retry-After, and does not believe one longer than a day", () => {
    expect(retryDelayMs(1, 600_000, () => 0)).toBe(600_000);
    expect(retryDelayMs(1, 10 * 86_400_000, () => 0)).toBe(OUTBOX_RETRY.maxRetryAfterMs);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 10:05:00 GMT", now)).toBe(300_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it("reads fractional seconds and surrounding spaces, and nothing that is only partly a number", () => {
    expect(parseRetryAfter("1.25", now)).toBe(1_250);
    expect(parseRetryAfter("1.5", now)).toBe(1_500);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    // Neither a number of seconds nor a date: no floor (null), never NaN.
    expect(parseRetryAfter("x120", now)).toBeNull();
    expect(parseRetryAfter("120abc", now)).toBeNull();
  });
});

describe("what a Resend error means", () => {
  it("retries network errors, timeouts, 429 and 5xx", () => {
    expect(classifySendError({ statusCode: null, name: "application_error", message: "Unable to fetch data." }, null, now).kind).toBe("retry");
    expect(classifySendError({ statusCode: 500, name: "internal_server_error" }, {}, now).kind).toBe("retry");
    expect(classifySendError({ statusCode: 408, name: "application_error" }, {}, now).kind).toBe("retry");
    expect(classifySendError({ statusCode: 503, name: "application_error" }, {}, now).kind).toBe("retry");
    expect(classifySendError({ statusCode: 409, name: "concurrent_idempotent_requests" }, {}, now).kind).toBe("retry");
    expect(classifySendError({ statusCode: 429, name: "rate_limit_exceeded" }, { "retry-after": "30" }, now)).toEqual({
      kind: "retry",
      error: "429 rate_limit_exceeded:",
      retryAfterMs: 30_000,
    });
  });

  it("fails validation and other client errors at once", () => {
    expect(classifySendError({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }, {}, now)).toEqual({
      kind: "failed",
      error: "422 validation_error: Invalid `to` field.",
    });
    for (const statusCode of [400, 401, 403]) expect(classifySendError({ statusCode, name: "validation_error" }, {}, now).kind).toBe("failed");
    expect(classifySendError({ statusCode: 409, name: "invalid_idempotent_request" }, {}, now).kind).toBe("failed");
  });

  it("keeps the status, the error's name (or 'error') and at most 500 characters of its message", () => {
    expect(classifySendError({ statusCode: 503 }, null, now)).toEqual({ kind: "retry", error: "503 error:", retryAfterMs: null });
    const long = classifySendError({ statusCode: 422, name: "validation_error", message: "z".repeat(1_000) }, null, now);
    expect(long).toEqual({ kind: "failed", error: `422 validation_error: ${"z".repeat(1_000)}`.slice(0, 500) });
  });
});
