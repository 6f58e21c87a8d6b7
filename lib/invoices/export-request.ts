import "server-only";
import { getViewer, type Viewer } from "@/lib/access/viewer";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { AppError } from "@/lib/errors";

// Route handlers resolve the viewer themselves (the proxy is not a security boundary): no
// session → 401; the permission and the account are checked by the lib/ function they call.
export async function requireRouteViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  return viewer;
}

export function requestOrigin(request: Request): RequestOrigin {
  return { ip: clientIpFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip")), userAgent: request.headers.get("user-agent") };
}
