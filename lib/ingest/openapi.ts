import { z } from "zod";
import { problemDetailsSchema } from "@/lib/http/problem-details-schema";
import { BODY_LIMITS } from "@/lib/http/route";
import { ingestedInvoiceSchema, ingestedPaymentSchema } from "./ingest-responses";
import { idempotencyKeySchema, ingestInvoiceSchema, ingestPaymentSchema } from "./ingest-schemas";

// The ingest API as an OpenAPI 3.1 document (GET /api/v1/openapi.json, issue 15 item 7), built
// from the very zod schemas that validate the requests (z.toJSONSchema, JSON Schema 2020-12,
// which OpenAPI 3.1 uses), the ones the 201 bodies are typed as, and the problem details every
// error is. docs/ingest-api.md says the same in prose; tests/integration/openapi.test.ts checks
// the document with an OpenAPI validator and the guide's examples against it.

type JsonSchema = Record<string, unknown>;

// A component schema: requests as clients send them (defaults optional, before transforms),
// responses as the server writes them.
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // The dialect is the document's own (OpenAPI 3.1's default is JSON Schema 2020-12).
  const generated: JsonSchema = { ...z.toJSONSchema(schema, { io, target: "draft-2020-12" }) };
  delete generated.$schema;
  return generated;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemContent = { "application/problem+json": { schema: ref("Problem") } };

// The refusals both endpoints may answer, by status (docs/ingest-api.md#errors).
const ERRORS: Record<string, string> = {
  "400": "No Idempotency-Key, or the body is not JSON (or not UTF-8). Code `bad_request`.",
  "401": "Missing, unknown or revoked API key. Code `unauthenticated`.",
  "403": "Sent by a browser from another site (Sec-Fetch-Site: cross-site). Code `forbidden`.",
  "404": "No account with that slug. Code `not_found`. Stored and replayed for the same Idempotency-Key.",
  "409": "The Idempotency-Key was used for a different request, a request with it is still running, or a business rule refused the posting. Code `conflict`.",
  "413": `The body is over ${BODY_LIMITS.apiKey} bytes of UTF-8. Code \`payload_too_large\`.`,
  "415": "The Content-Type is not application/json. Code `unsupported_media_type`.",
  "422": "The body fails validation, or names something the account does not have; `issues` lists each field. Code `invalid`.",
  "500": "An unexpected failure; nothing was stored, a retry runs again. Code `internal`; quote `digest` to support.",
};

function errorResponses(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(ERRORS).map(([status, description]) => {
      const headers = status === "401" ? { "WWW-Authenticate": { schema: { type: "string" }, description: 'Bearer realm="ingest"' } } : undefined;
      return [status, { description, content: problemContent, ...(headers ? { headers } : {}) }];
    }),
  );
}

function postOperation(operationId: string, summary: string, description: string, request: string, created: string) {
  return {
    operationId,
    summary,
    description,
    parameters: [{ $ref: "#/components/parameters/IdempotencyKey" }],
    requestBody: { required: true, content: { "application/json": { schema: ref(request) } } },
    responses: {
      "201": {
        description: "Created. Sent again with the same Idempotency-Key and body: the same status and body, with Idempotent-Replayed: true.",
        headers: { "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" } },
        content: { "application/json": { schema: ref(created) } },
      },
      ...errorResponses(),
    },
  };
}

export function ingestOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Billing portal ingest API",
      version: "1",
      description:
        "The provider's billing system posts invoices and payments into customer accounts. Amounts are integer minor units; every request needs an Idempotency-Key and is safe to retry. Errors are RFC 9457 problem details. Guide: docs/ingest-api.md.",
    },
    // Relative: the origin this document was fetched from.
    servers: [{ url: "/" }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/invoices": {
        post: postOperation(
          "postInvoice",
          "Post an invoice into an account",
          "Totals are computed from integer minor units: each line's amount is quantity × unit price, its tax amount × rate, each rounded half away from zero. Posting notifies the account's users who may see invoices.",
          "IngestInvoice",
          "IngestedInvoice",
        ),
      },
      "/api/v1/payments": {
        post: postOperation(
          "postPayment",
          "Record a payment and allocate it",
          "Without allocations the payment settles the account's open invoices oldest first; what is left stays unallocated. Allocating more than an invoice's balance is a 409.",
          "IngestPayment",
          "IngestedPayment",
        ),
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from the operator console (Operator › API Keys), sent as Authorization: Bearer <key>." },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: true,
          description: "A new unique value per posting, e.g. a UUID. Scoped to the API key; never expires.",
          schema: jsonSchema(idempotencyKeySchema, "input"),
        },
      },
      headers: {
        IdempotentReplayed: { description: "true when this is the stored answer to an earlier request with the same key.", schema: { type: "string", const: "true" } },
      },
      schemas: {
        IngestInvoice: jsonSchema(ingestInvoiceSchema, "input"),
        IngestPayment: jsonSchema(ingestPaymentSchema, "input"),
        IngestedInvoice: jsonSchema(ingestedInvoiceSchema, "output"),
        IngestedPayment: jsonSchema(ingestedPaymentSchema, "output"),
        Problem: jsonSchema(problemDetailsSchema, "output"),
      },
    },
  };
}
