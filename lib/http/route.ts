import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { getViewer, type Viewer } from "@/lib/access/viewer";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { auditRefusal } from "@/lib/audit/access-denied";
import { originOf } from "@/lib/audit/request-origin";
import { AppError } from "@/lib/errors";
import { authenticateApiKey, type ApiClient } from "@/lib/ingest/authenticate-api-key";
import { observeRequest } from "@/lib/metrics/registry";
import { parseInput } from "@/lib/validation";
import { authorizeCronRequest, cronNow } from "./cron-request";
import { errorResponse } from "./error-response";
import { authorizeMetricsRequest } from "./metrics-request";
import { readFormBody, readJsonBody, requireMediaType } from "./request-body";
import { isCrossSiteRequest, isSameOriginRequest } from "./same-origin";

// The route handlers' one wrapper per kind of caller: it refuses cross-site requests (Fetch
// Metadata), resolves the caller (the proxy is not a security boundary), reads bodies under a
// byte limit, takes the request's origin once for the audit log, and maps every error to the
// one error body (errorResponse), and times each answer for the metrics page by route pattern.
// Permissions and tenancy stay in the lib/ function the handler calls.

// Body limits in UTF-8 bytes (413 above): portal JSON and forms are a few fields; an ingest
// invoice may carry 500 lines; a cron body is at most `{"now": …}`.
export const BODY_LIMITS = { viewer: 16 * 1024, apiKey: 1_000_000, cron: 1024 } as const;

type RouteContext<Params> = { params: Promise<Params> };
type OnError = (error: unknown, request: Request) => Response | null;

// The route's pattern for the metrics (/account/invoices/[id]/csv, not one series per invoice):
// each path segment that is one of the route's params is replaced by the param's name.
async function routePattern(request: Request, params: Promise<unknown> | undefined): Promise<string> {
  const { pathname } = new URL(request.url);
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(((await params?.catch(() => null)) ?? {}) as Record<string, unknown>)) {
    if (typeof value === "string") values.set(value, `[${name}]`);
  }
  if (values.size === 0) return pathname;
  return pathname
    .split("/")
    .map((segment) => {
      try {
        return values.get(decodeURIComponent(segment)) ?? segment;
      } catch {
        return segment;
      }
    })
    .join("/");
}

type AnswerOptions = {
  onError?: OnError;
  // The route's params, for the metrics' route pattern.
  params?: Promise<unknown>;
  // Public, read-only routes that take no credentials (probes, the OpenAPI document) may be read from another site.
  crossSite?: "refuse" | "allow";
};

async function answer(request: Request, run: () => Promise<Response>, { onError, params, crossSite = "refuse" }: AnswerOptions = {}): Promise<Response> {
  const started = performance.now();
  let response: Response;
  try {
    // Note: every other wrapped route is a download, an export or a change, none of which another
    // site may start (a top-level navigation still carries Lax cookies). Links within the portal
    // (same-origin), typed or bookmarked URLs (none) and API clients (no header) pass.
    if (crossSite === "refuse" && isCrossSiteRequest(request)) throw new AppError("forbidden", "Cross-site requests are not accepted");
    response = await run();
  } catch (error) {
    response = onError?.(error, request) ?? errorResponse(error, request);
  }
  observeRequest({ route: await routePattern(request, params), method: request.method, status: response.status }, (performance.now() - started) / 1000);
  return response;
}

// How a handler reads its body: 415 for another Content-Type, 413 past the limit, 400 for
// malformed JSON, 422 (naming each field) when the schema refuses it, unknown fields included.
export type BodyReader = {
  json<S extends z.ZodType>(schema: S, message?: string): Promise<z.output<S>>;
  // The JSON as sent, for a handler that also needs it unparsed (the ingest request hash).
  rawJson(): Promise<unknown>;
  form(): Promise<Record<string, string>>;
};

function bodyReader(request: Request, maxBytes: number): BodyReader {
  const rawJson = async () => {
    requireMediaType(request, "json");
    return readJsonBody(request, maxBytes);
  };
  return {
    rawJson,
    json: async (schema, message) => parseInput(schema, await rawJson(), message),
    form: async () => {
      requireMediaType(request, "form");
      return readFormBody(request, maxBytes);
    },
  };
}

export type ViewerCall<Params> = { request: Request; viewer: Viewer; origin: RequestOrigin; params: Params; body: BodyReader };

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
        const params = (await context?.params) as Params;
        const origin = originOf(request.headers);
        try {
          return await handler({ request, viewer, origin, params, body: bodyReader(request, BODY_LIMITS.viewer) });
        } catch (error) {
          // A refusal of this signed-in customer (missing permission, another account's id) is audited here, once.
          const id = (params as { id?: unknown } | undefined)?.id;
          await auditRefusal(viewer, error, { route: new URL(request.url).pathname, id: typeof id === "string" ? id : null, origin });
          throw error;
        }
      },
      { onError, params: context?.params },
    );
}

export type ApiKeyCall = { request: Request; client: ApiClient; db: Db; now: Date; body: BodyReader };

// The ingest API (bearer API key): a missing, unknown or revoked key → 401 with WWW-Authenticate.
export function withApiKey(handler: (call: ApiKeyCall) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answer(request, async () => {
      const now = new Date();
      const db = await getDb();
      const client = await authenticateApiKey(db, request.headers.get("authorization"), now);
      if (!client) {
        const refused = errorResponse(new AppError("unauthenticated", "Send a valid, unrevoked API key as Authorization: Bearer <key>"), request);
        refused.headers.set("WWW-Authenticate", 'Bearer realm="ingest"');
        return refused;
      }
      return handler({ request, client, db, now, body: bodyReader(request, BODY_LIMITS.apiKey) });
    });
}

// Cron routes (bearer CRON_SECRET): 404 without a configured secret, 401 with a wrong one; the
// handler gets the run's clock (cronNow).
export function withCronSecret(handler: (call: { request: Request; now: Date }) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answer(request, async () => {
      authorizeCronRequest(request);
      return handler({ request, now: await cronNow(request, BODY_LIMITS.cron) });
    });
}

// The metrics page (bearer METRICS_TOKEN): 404 without a configured token, 401 with a wrong one.
export function withMetricsToken(handler: (call: { request: Request }) => Promise<Response>) {
  return (request: Request): Promise<Response> =>
    answer(request, async () => {
      authorizeMetricsRequest(request);
      return handler({ request });
    });
}

// Routes anyone may call, from anywhere: the probes for load balancers (/api/health, /api/ready)
// and the ingest API's OpenAPI document (which an integrator's tools may fetch from their own
// site). No caller to resolve and nothing they change, so they must never answer with tenant
// data; the wrapper still gives them the error body and the timing.
export function withoutCaller(handler: (call: { request: Request }) => Promise<Response>) {
  return (request: Request): Promise<Response> => answer(request, () => handler({ request }), { crossSite: "allow" });
}
