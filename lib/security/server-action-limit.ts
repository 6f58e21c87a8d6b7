import { NextResponse, type NextRequest } from "next/server";

// Next refuses a server action body over its 1 MB limit before any of our code runs, and answers
// 500 for it: the declared size is checked here first, so such a post is a 413 that changes nothing.
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
export function oversizedServerAction(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length"));
  if (!Number.isFinite(declared) || declared <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  return new NextResponse("The form is too large.", { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
}
