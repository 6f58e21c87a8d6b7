import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { appErrorBody, errorResponse, storedErrorAsProblem } from "@/lib/http/error-response";
import { problemDetailsSchema } from "@/lib/http/problem-details-schema";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

// The one error body (lib/http/error-response.ts): RFC 9457 problem details with our code and
// issues as extension members, for every AppError and for what the ingest API stored before.

describe("problem details", () => {
  it("puts a 422's issues and a refusal's details beside the standard members, never over them", async () => {
    let invalid: unknown;
    try {
      parseInput(z.strictObject({ currency: z.string().regex(/^[A-Z]{3}$/, "An ISO 4217 code such as USD") }), { currency: "usd" }, "The request is invalid");
    } catch (error) {
      invalid = error;
    }
    expect(appErrorBody(invalid as AppError, "/api/v1/invoices")).toEqual({
      type: "about:blank",
      title: "Unprocessable Entity",
      status: 422,
      detail: "The request is invalid",
      instance: "/api/v1/invoices",
      code: "invalid",
      issues: [{ path: "currency", message: "An ISO 4217 code such as USD" }],
    });
    // A details member named like a standard one does not replace it.
    const sneaky = new AppError("forbidden", "Missing permission: users.manage", { permission: "users.manage", status: 200, type: "x", detail: "y" });
    expect(appErrorBody(sneaky)).toEqual({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: "Missing permission: users.manage",
      code: "forbidden",
      permission: "users.manage",
    });
  });

  it("answers with application/problem+json, Retry-After on a 429, and a body the schema accepts", async () => {
    const response = errorResponse(
      new AppError("rate_limited", "Try again in 12 seconds.", { retryAfterSeconds: 12 }),
      new Request("http://localhost/account/invoices/export?tab=open"),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("12");
    const body = await response.json();
    expect(body).toEqual({
      type: "about:blank",
      title: "Too Many Requests",
      status: 429,
      detail: "Try again in 12 seconds.",
      instance: "/account/invoices/export",
      code: "rate_limited",
      retryAfterSeconds: 12,
    });
    expect(problemDetailsSchema.safeParse(body).success).toBe(true);
  });

  it("replays a refusal the ingest API stored in the old shape as problem details", () => {
    const stored = { error: { code: "not_found", message: 'No account "nowhere"', details: { slug: "nowhere" } } };
    expect(storedErrorAsProblem(stored, 404, "/api/v1/invoices")).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: 'No account "nowhere"',
      instance: "/api/v1/invoices",
      code: "not_found",
      slug: "nowhere",
    });
    const legacyInvalid = { error: { code: "invalid", message: "The request is invalid", details: { issues: [{ path: "currency", message: "EUR" }] } } };
    expect(storedErrorAsProblem(legacyInvalid, 422, "/api/v1/payments")).toMatchObject({ status: 422, code: "invalid", issues: [{ path: "currency", message: "EUR" }] });
    // Already problem details: unchanged.
    const current = appErrorBody(new AppError("conflict", "Duplicate"), "/api/v1/invoices");
    expect(storedErrorAsProblem(current, 409, "/api/v1/invoices")).toBe(current);
  });
});
