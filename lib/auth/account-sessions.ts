import "server-only";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/access/load-viewer";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { viewerActor } from "@/lib/audit/viewer-actor";
import { deviceLabel } from "./device-label";
import { listLiveSessions, revokeUserSessions } from "./sessions";

export type SessionRow = { id: string; device: string; ip: string; lastSeenAt: Date; createdAt: Date; current: boolean };

// Settings > Security: the signed-in user's own live sessions, this browser's marked.
export async function listMySessions(viewer: Viewer, currentSessionId: string, now: Date): Promise<SessionRow[]> {
  const rows = await listLiveSessions(await getDb(), viewer.userId, now);
  return rows.map((s) => ({ id: s.id, device: deviceLabel(s.userAgent), ip: s.ip, lastSeenAt: s.lastSeenAt, createdAt: s.createdAt, current: s.id === currentSessionId }));
}

// "Sign out other sessions": revokes every session of the user but this browser's.
export async function signOutOtherSessions(viewer: Viewer, currentSessionId: string, origin: RequestOrigin, now: Date): Promise<number> {
  const db = await getDb();
  const count = await revokeUserSessions(db, viewer.userId, now, { except: currentSessionId });
  await recordAuditEvent(db, { accountId: viewer.accountId, actor: viewerActor(viewer), action: "auth.sessions_revoked", details: { count }, origin });
  return count;
}
