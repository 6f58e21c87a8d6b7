import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

// Whether the request carries `Authorization: Bearer <secret>` (the cron routes' CRON_SECRET, the
// metrics page's METRICS_TOKEN). Digests are compared so the check takes the same time whatever
// the length or content of the guess.
export function hasBearerSecret(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const given = /^Bearer (.+)$/.exec(header)?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
