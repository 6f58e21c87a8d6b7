import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/access/load-viewer";

// For self-service notification functions that need no permission, only a signed-in account member
// (every user may manage their own preferences and read their own alerts).
export function requireAccountMember(viewer: Viewer): void {
  if (!viewer || viewer.kind !== "customer" || !viewer.accountId) throw new AppError("unauthenticated", "Sign in to continue.");
}
