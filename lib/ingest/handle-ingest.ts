import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { AppError, errorResponse } from "@/lib/errors";
import { issuesOf } from "@/lib/validation";
import { authenticateApiKey, type ApiClient } from "./authenticate-api-key";
import { runIdempotent, type IngestResult } from "./idempotency";
import { requestHash } from "./request-hash";

const MAX_BODY_BYTES = 1_000_000;

type Handler<T> = (tx: Db, input: T, client: ApiClient) => Promise<IngestResult>;

// The ingest API's request pipeline (R-O2): bearer key → Idempotency-Key → JSON → zod → one
// idempotent transaction. Failures before the transaction (401, 400, 422) are not stored.
export async function handleIngest<S extends z.ZodType>(request: Request, endpoint: string, schema: S, handler: Handler<z.output<S>>, now = new Date()): Promise<Response> {
  try {
    const db = await getDb();
    const client = await authenticateApiKey(db, request.headers.get("authorization"), now);
    if (!client) {
      return Response.json(
        { error: { code: "unauthenticated", message: "Send a valid, unrevoked API key as Authorization: Bearer <key>" } },
        { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="ingest"' } },
      );
    }

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
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AppError("invalid", "The request is invalid", { issues: issuesOf(parsed.error) });

    const result = await runIdempotent(db, { apiKeyId: client.apiKeyId, key, endpoint, requestHash: requestHash(endpoint, json) }, (tx) =>
      handler(tx, parsed.data, client),
    );
    return Response.json(result.body, { status: result.status, headers: result.replayed ? { "Idempotent-Replayed": "true" } : {} });
  } catch (error) {
    return errorResponse(error);
  }
}
