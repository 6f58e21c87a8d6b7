import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { idSchema } from "@/lib/validation";

const day = z
  .string()
  .trim()
  .refine((v) => v === "" || isIsoDate(v), "Use a date like 2026-11-25.")
  .transform((v) => v || undefined);

// A keyset position: the row's created_at to the microsecond, and its id.
const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,18})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
    if (!match) {
      ctx.addIssue({ code: "custom", message: "Invalid page." });
      return z.NEVER;
    }
    return { at: match[1], id: Number(match[2]) };
  });

export function encodeAuditCursor(at: string, id: number): string {
  return Buffer.from(`${at}_${id}`, "utf8").toString("base64url");
}

// The audit log's URL parameters (R-P6): actor, action, date range in the account's time zone,
// page size and a keyset cursor (`after` = older rows, `before` = newer rows).
export const auditFiltersSchema = z
  .object({
    actor: z
      .union([idSchema(), z.literal("")])
      .optional()
      .transform((v) => v || undefined),
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z0-9_.]*$/)
      .optional()
      .transform((v) => v || undefined),
    from: day.optional(),
    to: day.optional(),
    size: z.coerce
      .number()
      .pipe(z.union([z.literal(25), z.literal(50), z.literal(100)]))
      .catch(50),
    after: cursorSchema.optional(),
    before: cursorSchema.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date." });

export type AuditFilters = z.output<typeof auditFiltersSchema>;

// Search params as Next passes them (string or string[]) to a plain record of first values.
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}
