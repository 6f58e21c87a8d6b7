import { appBaseUrl } from "@/lib/env";

// Note: cookie-authenticated requests that change data must come from the portal's own pages
// (CSRF). Browsers set Sec-Fetch-Site and it cannot be forged from a page; older browsers only
// send Origin, which must then be this site's. A request with neither is refused.
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const allowed = [new URL(appBaseUrl()).origin];
  try {
    allowed.push(new URL(request.url).origin);
  } catch {
    // a relative or malformed URL adds nothing
  }
  return allowed.includes(origin);
}

// Fetch Metadata: a request another site started (a link, a form, an image or a script on a
// page elsewhere). Only browsers send the header, and a page cannot change it.
export function isCrossSiteRequest(request: Request): boolean {
  return request.headers.get("sec-fetch-site") === "cross-site";
}
