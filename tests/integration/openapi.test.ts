import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestInvoiceSchema, ingestPaymentSchema } from "@/lib/ingest/ingest-schemas";
import { createTestAccount, createTestApiKey, createTestOperator } from "../support/factories";

// Issue 15 item 7: the ingest API's OpenAPI 3.1 document, as served, is a valid OpenAPI document
// (checked by @seriousme/openapi-schema-validator against the OpenAPI 3.1 JSON Schema), and every
// example in docs/ingest-api.md is valid against it. The guide's examples are then sent for real:
// the API answers what the guide shows.

const { GET: openApiRoute } = await import("@/app/api/v1/openapi.json/route");
const { POST: postInvoiceRoute } = await import("@/app/api/v1/invoices/route");
const { POST: postPaymentRoute } = await import("@/app/api/v1/payments/route");

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ---- docs/ingest-api.md, read as a client developer would copy it ----

type Example = { section: string; kind: "request" | "response" | "problem"; path: string; status: number; body: Json; text: string };

// The guide's examples: in each "## POST /api/v1/…" section, the curl command's JSON body (the
// request) and the JSON blocks after it (the 201 body, or a problem); in the Errors section, the
// problems. Every block is accounted for: a JSON block the parser cannot place fails the test.
function guideExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let section = "";
  let endpoint = "";
  const blocks = /^(#{2,3}) (.+)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(blocks)) {
    if (match[1]) {
      section = match[2];
      if (match[1] === "##") endpoint = /^POST (\/api\/v1\/\w+)$/.exec(section)?.[1] ?? "";
      continue;
    }
    const [, , , lang, text] = match;
    if (lang === "bash" && text.includes("curl")) {
      const url = /curl -X POST \S*?(\/api\/v1\/\w+)/.exec(text)?.[1];
      const body = /-d '([\s\S]*?)'/.exec(text)?.[1];
      if (!url || !body) throw new Error(`a curl example without a URL or -d body in "${section}"`);
      examples.push({ section, kind: "request", path: url, status: 0, body: JSON.parse(body), text: body });
    } else if (lang === "json") {
      const body = JSON.parse(text) as Json;
      if (typeof body.type === "string" && typeof body.status === "number") {
        examples.push({ section, kind: "problem", path: endpoint || body.instance, status: body.status, body, text });
      } else {
        if (!endpoint) throw new Error(`a JSON example outside an endpoint's section: "${section}"`);
        examples.push({ section, kind: "response", path: endpoint, status: 201, body, text });
      }
    }
  }
  return examples;
}

const guide = guideExamples(readFileSync(path.join(import.meta.dirname, "../../docs/ingest-api.md"), "utf8"));

// ---- the served document ----

let document: Json;
let ajv: Ajv2020;

beforeAll(async () => {
  const response = await openApiRoute(new Request("http://localhost:3000/api/v1/openapi.json"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  document = await response.json();
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The component schemas by their $ref, so an operation's schema resolves as in the document.
  ajv.addSchema({ $id: "openapi.json", components: document.components });
});

function schemaAt(pointer: string, from: Json = document): Json {
  const found = pointer
    .split("/")
    .slice(1)
    .reduce<Json | undefined>((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], from);
  if (!found) throw new Error(`nothing at ${pointer}`);
  return found;
}

// The validator for a `$ref` or inline schema of the document.
function compile(schema: Json): ValidateFunction {
  const target = typeof schema.$ref === "string" ? `openapi.json${schema.$ref}` : undefined;
  return target ? (ajv.getSchema(target) ?? ajv.compile({ $ref: target })) : ajv.compile(schema);
}

function validatorFor(example: Example): ValidateFunction {
  if (example.kind === "problem" && !document.paths[example.path]) return compile({ $ref: "#/components/schemas/Problem" });
  const operation = schemaAt(`#/paths/${example.path.replace(/\//g, "~1")}/post`);
  if (example.kind === "request") return compile(operation.requestBody.content["application/json"].schema);
  const response = operation.responses[String(example.status)];
  if (!response) throw new Error(`${example.path} documents no ${example.status} response`);
  const media = example.kind === "problem" ? "application/problem+json" : "application/json";
  return compile(response.content[media].schema);
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(Object.keys(document.paths).sort()).toEqual(["/api/v1/invoices", "/api/v1/payments"]);
  });

  it("may be read from another site (an integrator's API tools), unlike the portal's downloads", async () => {
    const response = await openApiRoute(
      new Request("http://localhost:3000/api/v1/openapi.json", { headers: { "sec-fetch-site": "cross-site", origin: "https://editor.example" } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(document);
  });

  it("describes every error as problem details, with the Idempotency-Key header and bearer authentication", () => {
    for (const endpoint of ["/api/v1/invoices", "/api/v1/payments"]) {
      const operation = document.paths[endpoint].post;
      expect(operation.parameters).toEqual([{ $ref: "#/components/parameters/IdempotencyKey" }]);
      for (const status of ["400", "401", "403", "404", "409", "413", "415", "422", "500"]) {
        expect(operation.responses[status].content).toEqual({ "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } });
      }
    }
    expect(document.security).toEqual([{ apiKey: [] }]);
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("is generated from the schemas that validate requests: what the API refuses, the document refuses", () => {
    const invoice = guide.find((e) => e.kind === "request" && e.path === "/api/v1/invoices")!.body;
    const validate = compile({ $ref: "#/components/schemas/IngestInvoice" });
    const variants: Json[] = [
      { ...invoice, currency: "usd" },
      { ...invoice, surprise: true },
      { ...invoice, lines: [] },
      { ...invoice, lines: [{ ...invoice.lines[0], unitPriceMinor: 9.99 }] },
      { ...invoice, taxRateBp: 10_001 },
      { ...invoice, account: "Not A Slug" },
    ];
    for (const variant of variants) {
      expect(ingestInvoiceSchema.safeParse(variant).success, JSON.stringify(variant)).toBe(false);
      expect(validate(variant), JSON.stringify(variant)).toBe(false);
    }
    const payment = guide.find((e) => e.kind === "request" && e.path === "/api/v1/payments")!.body;
    for (const amountMinor of [0, -5]) {
      expect(ingestPaymentSchema.safeParse({ ...payment, amountMinor }).success).toBe(false);
      expect(compile({ $ref: "#/components/schemas/IngestPayment" })({ ...payment, amountMinor })).toBe(false);
    }
  });
});

describe("docs/ingest-api.md examples", () => {
  it("finds the guide's examples: a request and a 201 per endpoint, and the problems", () => {
    expect(guide.map((e) => `${e.kind} ${e.path} ${e.status}`)).toEqual([
      "problem /api/v1/invoices 422",
      "request /api/v1/invoices 0",
      "response /api/v1/invoices 201",
      "request /api/v1/payments 0",
      "response /api/v1/payments 201",
      "problem /api/v1/payments 422",
    ]);
  });

  it("are each valid against the document", () => {
    for (const example of guide) {
      const validate = validatorFor(example);
      const valid = validate(example.body);
      expect(validate.errors ?? [], `${example.kind} ${example.path} in "${example.section}"`).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("are what the API really answers, sent as the guide sends them", async () => {
    // Acme as in the demo data: billed in USD, on Generation 4.
    await createTestAccount({ slug: "acme", name: "Acme Corp", invoiceGeneration: 4, upgradedAt: new Date("2026-11-21T00:00:00Z") });
    const key = await createTestApiKey(await createTestOperator());
    const send = (route: (request: Request) => Promise<Response>, endpoint: string, body: string, idempotencyKey: string) =>
      route(
        new Request(`http://localhost:3000${endpoint}`, {
          method: "POST",
          headers: { authorization: `Bearer ${key.secret}`, "idempotency-key": idempotencyKey, "content-type": "application/json" },
          body,
        }),
      );
    const request = (endpoint: string) => guide.find((e) => e.kind === "request" && e.path === endpoint)!;
    const expected = (kind: Example["kind"], endpoint: string) => guide.find((e) => e.kind === kind && e.path === endpoint)!.body;
    const withoutId = (body: Json, key: string) => ({ ...body, [key]: { ...body[key], id: "(generated)" } });

    const invoice = await send(postInvoiceRoute, "/api/v1/invoices", request("/api/v1/invoices").text, "guide-invoice");
    expect(invoice.status).toBe(201);
    const invoiceBody = await invoice.json();
    expect(validatorFor({ ...request("/api/v1/invoices"), kind: "response", status: 201 })(invoiceBody)).toBe(true);
    expect(withoutId(invoiceBody, "invoice")).toEqual(withoutId(expected("response", "/api/v1/invoices"), "invoice"));

    const payment = await send(postPaymentRoute, "/api/v1/payments", request("/api/v1/payments").text, "guide-payment");
    expect(payment.status).toBe(201);
    const paymentBody = await payment.json();
    expect(withoutId(paymentBody, "payment")).toEqual(withoutId(expected("response", "/api/v1/payments"), "payment"));

    // The guide's refusal: an allocation naming an invoice that is not in the account.
    const unknown = JSON.parse(request("/api/v1/payments").text) as Json;
    unknown.allocations = [{ invoiceNumber: "ACME-9999", amountMinor: 100 }];
    const refused = await send(postPaymentRoute, "/api/v1/payments", JSON.stringify(unknown), "guide-refusal");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = await refused.json();
    expect(validatorFor({ ...request("/api/v1/payments"), kind: "problem", status: 422 })(problem)).toBe(true);
    expect(problem).toEqual(expected("problem", "/api/v1/payments"));
  });
});
