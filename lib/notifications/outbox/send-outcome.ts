import { parseRetryAfter } from "./backoff";

export type SendOutcome = { kind: "sent"; providerMessageId: string } | { kind: "retry"; error: string; retryAfterMs: number | null } | { kind: "failed"; error: string };

// What a Resend SDK error means for the outbox (R-N6). statusCode null is the SDK's "could not reach
// the API" (network error, DNS, timeout): retried like 408, 429 and 5xx. Another request still in
// flight with the same Idempotency-Key (409 concurrent_idempotent_requests) is retried too. Every
// other 4xx (400/422 validation, 401/403 key or sender problems) will not succeed by repeating it.
export function classifySendError(error: { statusCode: number | null; name?: string; message?: string }, headers: Record<string, string> | null, now: Date): SendOutcome {
  const status = error.statusCode;
  const text = `${status ?? "network"} ${error.name ?? "error"}: ${error.message ?? ""}`.trim().slice(0, 500);
  const retryable = status === null || status === 408 || status === 429 || status >= 500 || (status === 409 && error.name === "concurrent_idempotent_requests");
  if (!retryable) return { kind: "failed", error: text };
  return { kind: "retry", error: text, retryAfterMs: parseRetryAfter(headers?.["retry-after"], now) };
}
