// GET /account/audit-log/export?actor&action&from&to — the filtered audit log as CSV (users.manage).
import { requirePermission } from "@/lib/access/guards";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { withExportSlot } from "@/lib/exports/export-limit";
import { redirectRefusedExport } from "@/lib/exports/export-refusal";
import { withViewer } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";

export const GET = withViewer(
  async ({ request, viewer, origin }) => {
    requirePermission(viewer, "users.manage");
    const filters = parseInput(auditFiltersSchema, Object.fromEntries(new URL(request.url).searchParams));
    const now = new Date();
    return withExportSlot(viewer, now, () => exportAuditLog(viewer, filters, origin, now));
  },
  { onError: redirectRefusedExport("audit-log") },
);
