import "server-only";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/access/guards";
import type { Viewer } from "@/lib/access/load-viewer";
import { isoDateInZone } from "@/lib/dates";
import { csvDownload, keysetBatches, type CsvColumn } from "@/lib/exports/csv-download";
import { auditActionLabel } from "./audit-actions";
import { describeAuditDetails, type AuditDetailsFormat } from "./audit-details";
import type { AuditFilters } from "./audit-filters";
import { fetchOlderAuditEvents, type AuditEventRow } from "./list-audit-events";
import { recordAuditEvent, type RequestOrigin } from "./record-audit-event";
import { viewerActor } from "./viewer-actor";

// The Summary reads amounts and times in the account's locale and zone, like the page.
const columnsFor = (format: AuditDetailsFormat): CsvColumn<AuditEventRow>[] => [
  { header: "Time (UTC)", value: (r) => r.createdAt.toISOString() },
  { header: "Actor", value: (r) => r.actorLabel },
  { header: "Actor type", value: (r) => r.actorKind },
  { header: "Action", value: (r) => r.action },
  { header: "Description", value: (r) => auditActionLabel(r.action) },
  { header: "Target type", value: (r) => r.targetType },
  { header: "Target id", value: (r) => r.targetId },
  { header: "Summary", value: (r) => describeAuditDetails(r.action, r.details, format) },
  { header: "Details (JSON)", value: (r) => JSON.stringify(r.details) },
  { header: "IP address", value: (r) => r.ip },
  { header: "User agent", value: (r) => r.userAgent },
];

// Streams every audit event matching the filter (all pages, newest first) as a CSV download,
// and records the export itself (R-E4, R-P6). The record is written first, so it is part of it.
export async function exportAuditLog(viewer: Viewer, filters: AuditFilters, origin: RequestOrigin, now: Date): Promise<Response> {
  requirePermission(viewer, "users.manage");
  const { actor, action, from, to } = filters;
  await recordAuditEvent(await getDb(), {
    accountId: viewer.accountId,
    actor: viewerActor(viewer),
    action: "audit_log.exported",
    details: { actor, action, from, to },
    origin,
  });
  const scope = { ...filters, after: undefined, before: undefined };
  return csvDownload({
    filename: `${viewer.account.slug}-audit-log-${isoDateInZone(now, viewer.account.timeZone)}.csv`,
    columns: columnsFor({ locale: viewer.account.locale, timeZone: viewer.account.timeZone }),
    batches: keysetBatches((after: AuditEventRow | null, limit) => fetchOlderAuditEvents(viewer, scope, after && { at: after.cursorAt, id: after.id }, limit)),
  });
}
