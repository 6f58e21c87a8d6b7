import "server-only";
import type { Instrumentation } from "next";
import { errorFields, logger } from "@/lib/log";
import { routeForLog } from "./request-log";

type Parameters_ = Parameters<Instrumentation.onRequestError>;

// instrumentation.ts's onRequestError as a log line. The digest is the one Next shows the user in
// production; the path loses its query string and a link's token like every logged route.
export function logRequestError(error: unknown, request: Parameters_[1], context: Parameters_[2]): void {
  const digest = (error as { digest?: unknown } | null)?.digest;
  const requestId = request.headers["x-request-id"];
  logger().error(
    {
      digest: typeof digest === "string" ? digest : undefined,
      requestId: Array.isArray(requestId) ? requestId[0] : requestId,
      method: request.method,
      route: context.routePath,
      path: routeForLog(request.path),
      routeType: context.routeType,
      err: errorFields(error),
    },
    "request error",
  );
}
