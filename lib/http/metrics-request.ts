import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasBearerSecret } from "./bearer-secret";

// The metrics page answers only to `Authorization: Bearer $METRICS_TOKEN` (compared in constant
// time); without a configured token it does not exist (404), like the cron routes.
export function authorizeMetricsRequest(request: Request): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Not found");
  if (!hasBearerSecret(request, token)) throw new AppError("unauthenticated", "A valid metrics token is required");
}
