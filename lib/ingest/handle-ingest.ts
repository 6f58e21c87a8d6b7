import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { problemResponse, storedErrorAsProblem, type ProblemDetails } from "@/lib/http/error-response";
import { withApiKey } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";
import type { ApiClient } from "./authenticate-api-key";
import { runIdempotent, type IngestResult } from "./idempotency";
import { idempotencyKeySchema } from "./ingest-schemas";
import { requestHash } from "./request-hash";

type Handler<T> = (tx: Db, input: T, client: ApiClient) => Promise<IngestResult>;

// An ingest API route (R-O2): bearer key (withApiKey) → Idempotency-Key → JSON (415, 413,
// 400) → zod (422) → one idempotent transaction. Failures before the transaction are not stored.
export function ingestRoute<S extends z.ZodType>(endpoint: string, schema: S, handler: Handler<z.output<S>>) {
  return withApiKey(async ({ request, client, db, body }) => {
    const key = request.headers.get("idempotency-key")?.trim() ?? "";
    if (!key) throw new AppError("bad_request", "The Idempotency-Key header is required; send a new unique value (e.g. a UUID) per posting");
    if (!idempotencyKeySchema.safeParse(key).success) throw new AppError("bad_request", "The Idempotency-Key must be 1–255 visible ASCII characters");

    const json = await body.rawJson();
    const input = parseInput(schema, json, "The request is invalid");

    const result = await runIdempotent(db, { apiKeyId: client.apiKeyId, key, endpoint, requestHash: requestHash(endpoint, json) }, (tx) => handler(tx, input, client));
    const headers: Record<string, string> = result.replayed ? { "Idempotent-Replayed": "true" } : {};
    if (result.status < 400) return Response.json(result.body, { status: result.status, headers });
    // A stored refusal is problem details (one kept before they were is converted on replay).
    const problem = storedErrorAsProblem(result.body, result.status, new URL(request.url).pathname) as ProblemDetails;
    return problemResponse(problem, { status: result.status, headers });
  });
}
