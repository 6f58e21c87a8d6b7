// When the outbox worker tries a failed send again (R-N6). Pure: the random source is passed in.

export const OUTBOX_RETRY = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  // A Retry-After longer than this is not believed (a day is the longest Resend quota window).
  maxRetryAfterMs: 24 * 60 * 60_000,
  // After this many attempts an email is kept as failed, with its last error, for operators.
  maxAttempts: 12,
};

// Exponential backoff with "equal jitter" (half fixed, half random) so a crowd of emails that failed
// together does not retry together; a server's Retry-After is a floor, never shortened.
export function retryDelayMs(attempt: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const exponential = Math.min(OUTBOX_RETRY.capMs, OUTBOX_RETRY.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  const floor = Math.min(retryAfterMs ?? 0, OUTBOX_RETRY.maxRetryAfterMs);
  return Math.max(jittered, floor);
}

// Retry-After is either delta-seconds or an HTTP date.
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
