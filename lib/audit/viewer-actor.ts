import type { Viewer } from "@/lib/access/load-viewer";
import type { AuditActor } from "./record-audit-event";

// The audit-log actor for a change a portal user makes.
export function viewerActor(viewer: Viewer): AuditActor {
  return { kind: "user", userId: viewer.userId, label: viewer.email };
}
