import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withApiKey } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";
import type { ApiClient } from "./authenticate-api-key";
import { runIdempotent, type IngestResult } from "./idempotency";
import { requestHash } from "./request-hash";

const MAX_BODY_BYTES = 1_000_000;

type Handler<T> = (tx: Db, input: T, client: ApiClient) => Promise<IngestResult>;

// An ingest API route (R-O2): bearer key (withApiKey) → Idempotency-Key → JSON → zod → one
// idempotent transaction. Failures before the transaction (401, 400, 422) are not stored.
export function ingestRoute<S extends z.ZodType>(endpoint: string, schema: S, handler: Handler<z.output<S>>) {
  return withApiKey(async ({ request, client, db }) => {
    const key = request.headers.get("idempotency-key")?.trim() ?? "";
    if (!key) throw new AppError("bad_request", "The Idempotency-Key header is required; send a new unique value (e.g. a UUID) per posting");
    if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) throw new AppError("bad_request", "The Idempotency-Key must be 1–255 visible ASCII characters");

    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError("bad_request", "The request body is too large");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body must be JSON");
    }
    const input = parseInput(schema, json, "The request is invalid");

    const result = await runIdempotent(db, { apiKeyId: client.apiKeyId, key, endpoint, requestHash: requestHash(endpoint, json) }, (tx) => handler(tx, input, client));
    return Response.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  });
}
