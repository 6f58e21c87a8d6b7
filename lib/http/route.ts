import "server-only";
import { getDb, type Db } from "@/db/client";
import { getViewer, type Viewer } from "@/lib/access/viewer";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { originOf } from "@/lib/audit/request-origin";
import { AppError } from "@/lib/errors";
import { authenticateApiKey, type ApiClient } from "@/lib/ingest/authenticate-api-key";
import { authorizeCronRequest, cronNow } from "./cron-request";
import { errorResponse } from "./error-response";
import { isSameOriginRequest } from "./same-origin";

// The route handlers' one wrapper per kind of caller: it resolves the caller (the proxy is not
// a security boundary), takes the request's origin once for the audit log, and maps every
// error to the one error body (errorResponse). Permissions and tenancy stay in the lib/
// function the handler calls.

type RouteContext<Params> = { params: Promise<Params> };
type OnError = (error: unknown, request: Request) => Response | null;

async function answer(request: Request, run: () => Promise<Response>, onError?: OnError): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return onError?.(error, request) ?? errorResponse(error);
  }
}

export type ViewerCall<Params> = { request: Request; viewer: Viewer; origin: RequestOrigin; params: Params };

export type ViewerRouteOptions = {
  // Cookie-authenticated changes must come from the portal's own pages (CSRF): 403 otherwise.
  sameOrigin?: boolean;
  // A browser form's route answers some errors with a redirect instead of JSON; null = the usual body.
  onError?: OnError;
};

// Portal routes (signed-in customer): no session → 401.
export function withViewer<Params = Record<string, never>>(handler: (call: ViewerCall<Params>) => Promise<Response>, options: ViewerRouteOptions = {}) {
  const { sameOrigin = false, onError } = options;
  return (request: Request, context?: RouteContext<Params>): Promise<Response> =>
    answer(
      request,
      async () => {
        if (sameOrigin && !isSameOriginRequest(request)) throw new AppError("forbidden", "Cross-site requests are not accepted");
        const viewer = await getViewer();
        if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
        return handler({ request, viewer, origin: originOf(request.headers), params: (await context?.params) as Params });
      },
      onError,
    );
}

export type ApiKeyCall = { request: Request; client: ApiClient; db: Db; now: Date };

// The ingest API (bearer API key): a missing, unknown or revoked key → 401 with WWW-Authenticate.
export function withApiKey(handler: (call: ApiKeyCall) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answer(request, async () => {
      const now = new Date();
      const db = await getDb();
      const client = await authenticateApiKey(db, request.headers.get("authorization"), now);
      if (!client) {
        const refused = errorResponse(new AppError("unauthenticated", "Send a valid, unrevoked API key as Authorization: Bearer <key>"));
        refused.headers.set("WWW-Authenticate", 'Bearer realm="ingest"');
        return refused;
      }
      return handler({ request, client, db, now });
    });
}

// Cron routes (bearer CRON_SECRET): 404 without a configured secret, 401 with a wrong one; the
// handler gets the run's clock (cronNow).
export function withCronSecret(handler: (call: { request: Request; now: Date }) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answer(request, async () => {
      authorizeCronRequest(request);
      return handler({ request, now: await cronNow(request) });
    });
}
