import { z } from "zod";
import { APP_ERROR_CODES } from "@/lib/errors";

// The shape of every error body (RFC 9457 problem details, `application/problem+json`), as a zod
// schema so the type errorResponse builds and the OpenAPI document's Problem schema are one.
// Extension members beyond these (e.g. `permission`, `reason`) may appear: clients ignore what
// they do not know.
export const PROBLEM_CODES = [...APP_ERROR_CODES, "internal"] as const;

export const problemDetailsSchema = z.looseObject({
  type: z.string().meta({ description: 'A URI reference naming the problem type; "about:blank": the status says what happened.' }),
  title: z.string().meta({ description: "The HTTP status phrase, e.g. Unprocessable Entity." }),
  status: z.number().int().min(400).max(599),
  detail: z.string().meta({ description: "What went wrong, in words a person can act on." }),
  instance: z.string().optional().meta({ description: "The path of the request that failed." }),
  code: z.enum(PROBLEM_CODES).meta({ description: "Machine-readable error code; one per status." }),
  issues: z
    .array(z.object({ path: z.string().meta({ description: 'The field, dot-separated ("lines.0.unitPriceMinor"); "" for the body itself.' }), message: z.string() }))
    .optional()
    .meta({ description: "With code `invalid` (422): one entry per bad field." }),
  retryAfterSeconds: z.number().int().min(1).optional().meta({ description: "With code `rate_limited` (429), as in Retry-After." }),
  maxBytes: z.number().int().optional().meta({ description: "With code `payload_too_large` (413): the limit." }),
  digest: z.string().optional().meta({ description: "With code `internal` (500): quote it to support; it finds the error in the server log." }),
});

export type ProblemDetails = z.output<typeof problemDetailsSchema>;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
