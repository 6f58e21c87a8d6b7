import { z } from "zod";
import { hasControls, idSchema } from "@/lib/validation";

// Keyset pagination cursors: the sort value, tie-break value (if the sort has one) and id of the
// row a page starts after (or before).
// The token is opaque to the browser but not secret: it only ever narrows the viewer's own rows,
// and every value is validated before it reaches a query.

export type SortDir = "asc" | "desc";
export type CursorValue = string | number;
export type PageCursor = { sort: string; dir: SortDir; value: CursorValue; id: string; tie?: string };
// "after" walks forward in the sort order (Next), "before" walks back (Previous).
export type PageDirection = "after" | "before";

// A string value with a control character (a NUL cannot reach PostgreSQL) is a malformed token.
const textValue = z
  .string()
  .max(200)
  .refine((v) => !hasControls(v));
const head = [z.string().max(40), z.enum(["asc", "desc"]), z.union([textValue, z.number()]), idSchema()] as const;
const tokenSchema = z.union([z.tuple(head), z.tuple([...head, textValue])]);

export function encodeCursor(cursor: PageCursor): string {
  const fields = [cursor.sort, cursor.dir, cursor.value, cursor.id, ...(cursor.tie === undefined ? [] : [cursor.tie])];
  return Buffer.from(JSON.stringify(fields), "utf8").toString("base64url");
}

// Any malformed token decodes to null, which callers treat as "first page".
export function decodeCursor(token: string | null | undefined): PageCursor | null {
  if (!token || token.length > 400 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [sort, dir, value, id, tie] = parsed.data;
    return { sort, dir, value, id: id.toLowerCase(), ...(tie === undefined ? {} : { tie }) };
  } catch {
    return null;
  }
}
