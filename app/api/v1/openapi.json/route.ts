// GET /api/v1/openapi.json — the ingest API as an OpenAPI 3.1 document (issue 15 item 7), built
// from the zod schemas that validate its requests. Public: it describes the API, not any data, so
// any site may read it (an integrator's API tools load it from their own origin).
import { withoutCaller } from "@/lib/http/route";
import { ingestOpenApiDocument } from "@/lib/ingest/openapi";

export const GET = withoutCaller(async () => Response.json(ingestOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } }));
