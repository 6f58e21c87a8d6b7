// Settings read from the environment, with the defaults that make `npm run dev` work alone.
export function providerName(): string {
  return process.env.PORTAL_PROVIDER_NAME?.trim() || "Northwind Cloud";
}

// Demo mode seeds demo data and lists the demo users on the sign-in page. On by default with
// the embedded database, off by default against a real PostgreSQL server.
export function isDemoMode(): boolean {
  const flag = process.env.PORTAL_DEMO_MODE?.toLowerCase();
  if (flag === "on" || flag === "true" || flag === "1") return true;
  if (flag === "off" || flag === "false" || flag === "0") return false;
  return !process.env.DATABASE_URL;
}

// The portal's public origin, for links in emails and the dev mailbox: NEXTAUTH_URL, else (in
// development and demo mode, where start-up allows it to be missing) the origin the latest request
// came in on, so `npm run dev -- -p 3101` links to port 3101. Note: only loopback origins are
// remembered, so a forged Host header cannot put another site into a password-reset link.
export function appBaseUrl(): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/$/, "");
  return (globalThis as { __portalOrigin?: string }).__portalOrigin ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export function rememberRequestOrigin(origin: string): void {
  if (process.env.NEXTAUTH_URL) return;
  if (/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/.test(origin)) (globalThis as { __portalOrigin?: string }).__portalOrigin = origin;
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

// Sessions end after this long without a request (idle timeout) …
export function sessionIdleTimeoutSeconds(): number {
  return positiveInt("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60);
}

// … and at the latest this long after sign-in (absolute lifetime), whatever the activity.
export function sessionMaxAgeSeconds(): number {
  return positiveInt("SESSION_MAX_AGE_SECONDS", 8 * 60 * 60);
}

// Sign-in attempts per account (or per remembered device) before the growing backoff starts, and
// failed attempts per client IP in 15 minutes (counted only when the IP can be trusted).
export function signInLimits(): { perAccount: number; perIp: number } {
  return {
    perAccount: positiveInt("SIGN_IN_LIMIT_PER_EMAIL", 5),
    perIp: positiveInt("SIGN_IN_LIMIT_PER_IP", 20),
  };
}

// Reverse proxies in front of the app that append the connecting address to X-Forwarded-For.
// 0 (the default): the header is written by the client and is ignored.
export function trustedProxyCount(): number {
  const value = Number(process.env.TRUSTED_PROXY_COUNT ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}
