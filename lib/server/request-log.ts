import "server-only";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { trustedProxyCount } from "@/lib/env";
import { logger } from "@/lib/log";
import { runInRequestContext, type RequestContext } from "./request-context";

// What a proxy may put in X-Request-Id for us to keep: a short token (a UUID, a hex trace id).
// Anything else (long, or with spaces or newlines that could forge log lines) gets a fresh id.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

// The request's id: the one the trusted reverse proxy set (so its access log and ours share it),
// else a new one. With TRUSTED_PROXY_COUNT=0 the header came from the client and is not used.
export function requestIdFor(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (trustedProxyCount() > 0 && value && REQUEST_ID.test(value)) return value;
  return randomUUID();
}

// Path segments that carry a secret: the token of a password-reset or invitation link.
const SECRET_SEGMENT = /^\/(reset-password|invite)\/[^/]+/;

// The route as logged: the path without its query string (filters, export parameters) and with a
// link's token replaced, so a log reader can never replay a reset or an invitation.
export function routeForLog(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0];
  return path.replace(SECRET_SEGMENT, "/$1/[token]");
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

// Runs one request through `handle` with its id (request header for the app, response header for
// the client) and writes its JSON line when the response closes: after the last byte of a
// streamed export, or with `aborted: true` when the client went away or shutdown cut it off.
export async function handleWithRequestLog(request: IncomingMessage, response: ServerResponse, handle: RequestHandler): Promise<void> {
  const started = performance.now();
  const requestId = requestIdFor(request.headers["x-request-id"]);
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const context: RequestContext = { requestId };
  response.once("close", () => {
    const line = {
      requestId,
      method: request.method,
      route: routeForLog(request.url),
      status: response.statusCode,
      durationMs: Math.round(performance.now() - started),
      accountId: context.accountId,
      userId: context.userId,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    logger().info(line, "request");
  });
  await runInRequestContext(context, () => handle(request, response));
}
