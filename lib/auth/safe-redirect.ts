// The one place that decides where the portal may send a browser after sign-in, sign-out or any
// callbackUrl: a path on this site, or the fallback. Note: browsers treat "\" as "/" and drop
// tabs and newlines inside URLs, so "/\evil.example" or "/\t/evil.example" would leave the site;
// anything with a backslash, a control character, a scheme or a second leading slash is refused,
// after percent-decoding once so encoded forms ("%2F%2F", "/%5C") are refused too.
const MAX_LENGTH = 2048;

export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  for (const candidate of [value, decoded]) {
    if (!candidate.startsWith("/") || candidate.startsWith("//")) return fallback;
    if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  }
  // Resolving against a dummy origin must keep the origin: the final check against anything missed.
  const resolved = new URL(value, "http://portal.invalid");
  if (resolved.origin !== "http://portal.invalid") return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}

// For callbacks that receive absolute URLs (next-auth's redirect callback): same-origin URLs
// become their path, everything else the fallback.
export function safeRedirectFromUrl(value: string, origin: string, fallback = "/"): string {
  if (value.startsWith("/")) return safeRedirectPath(value, fallback);
  try {
    const url = new URL(value);
    if (url.origin !== new URL(origin).origin) return fallback;
    return safeRedirectPath(url.pathname + url.search + url.hash, fallback);
  } catch {
    return fallback;
  }
}
