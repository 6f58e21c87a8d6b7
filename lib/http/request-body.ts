import "server-only";
import { AppError } from "@/lib/errors";

// Reading a request body under a limit counted in UTF-8 bytes as they arrive (not UTF-16 units
// after decoding), so a large body is refused without being held in memory.

export type BodyKind = "json" | "form";

const MEDIA_TYPES: Record<BodyKind, string[]> = {
  json: ["application/json"],
  form: ["application/x-www-form-urlencoded", "multipart/form-data"],
};

// 415 unless the Content-Type (parameters such as charset aside) is one the route reads.
export function requireMediaType(request: Request, kind: BodyKind): void {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!MEDIA_TYPES[kind].includes(type)) {
    throw new AppError("unsupported_media_type", `Send the body as ${MEDIA_TYPES[kind].join(" or ")}`);
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes`, { maxBytes });
}

// The body's bytes, or 413 as soon as they pass maxBytes (a declared Content-Length over the
// limit is refused before reading anything).
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

// The body as text; bytes that are not UTF-8 are a 400 rather than silently replaced.
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8");
  }
}

// The body as JSON (400 when it is not JSON).
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body must be JSON");
  }
}

// A form body as its string fields (a file field is refused as invalid input).
export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, string>> {
  const bytes = await readBodyBytes(request, maxBytes);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("bad_request", "The form body could not be read");
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string") throw new AppError("invalid", "This form takes no files");
    fields[name] = value;
  }
  return fields;
}
