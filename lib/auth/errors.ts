// next-auth error code for a throttled sign-in through /api/auth/callback/credentials; the seconds
// to wait follow a colon ("RateLimited:120") so the sign-in page can say how long.
export const RATE_LIMITED_ERROR = "RateLimited";

export function rateLimitedError(retryAfterSeconds: number): string {
  return `${RATE_LIMITED_ERROR}:${Math.ceil(retryAfterSeconds)}`;
}

export function parseRateLimitedError(value: string | undefined): { retryAfterSeconds: number } | null {
  const match = /^RateLimited(?::(\d{1,6}))?$/.exec(value ?? "");
  return match ? { retryAfterSeconds: Number(match[1] ?? 15 * 60) } : null;
}
