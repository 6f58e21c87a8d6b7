import { safeRedirectFromUrl } from "./safe-redirect";

// next-auth reads its callback-url cookie and callbackUrl parameter on every /api/auth/* call and
// answers 500 ("server configuration") when either is not a URL it can parse. Both come from the
// client, so the proxy drops malformed ones instead: a tampered value is ignored and cleared.
export const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

export function isAcceptableCallbackUrl(value: string, origin: string): boolean {
  return safeRedirectFromUrl(value, origin, "") !== "";
}

// The names of callback-url cookies whose values are not same-origin URLs.
export function malformedCallbackCookies(cookies: ReadonlyArray<{ name: string; value: string }>, origin: string): string[] {
  return cookies.filter((c) => CALLBACK_URL_COOKIES.includes(c.name) && !isAcceptableCallbackUrl(c.value, origin)).map((c) => c.name);
}
