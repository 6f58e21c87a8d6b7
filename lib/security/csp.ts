// The Content-Security-Policy of every response (ASVS V3.4). Scripts run only with this request's
// nonce (Next adds it to its own scripts when it finds the policy on the request) or when loaded
// by such a script ('strict-dynamic'); never inline without one. Styles allow inline attributes,
// which the UI primitives (Radix) set. frame-ancestors 'none' stops click-jacking frames.
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const scripts = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(options.development ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${scripts.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

// Max-age two years; sent only when the request came over HTTPS (ASVS V3.4.1).
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
