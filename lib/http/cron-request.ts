import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { hasBearerSecret } from "./bearer-secret";
import { readBodyText, requireMediaType } from "./request-body";

// Cron routes (R-N7) answer only to `Authorization: Bearer $CRON_SECRET` (compared in constant
// time). Without a configured secret they do not exist (404).
export function authorizeCronRequest(request: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw new AppError("not_found", "Not found");
  if (!hasBearerSecret(request, secret)) throw new AppError("unauthenticated", "A valid cron secret is required");
}

const cronBodySchema = z.strictObject({ now: z.iso.datetime({ offset: true }).optional() });

// The clock a cron run uses: the real one, or, outside production only (or with CRON_TIME_TRAVEL on), `{"now": "<ISO instant>"}`
// in the body (Content-Type: application/json, at most maxBytes) so tests and local time travel
// can drive the sweep. An empty body is the real clock.
export async function cronNow(request: Request, maxBytes: number): Promise<Date> {
  const raw = (await readBodyText(request, maxBytes)).trim();
  if (!raw) return new Date();
  requireMediaType(request, "json");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("invalid", "The body must be JSON");
  }
  const body = parseInput(cronBodySchema, json, "Invalid body");
  if (!body.now) return new Date();
  const { NODE_ENV, CRON_TIME_TRAVEL } = env();
  if (NODE_ENV === "production" && !CRON_TIME_TRAVEL) throw new AppError("invalid", "A `now` override is only accepted outside production");
  return new Date(body.now);
}
