// GET /account/audit-log/export?actor&action&from&to — the filtered audit log as CSV (users.manage).
import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/access/guards";
import { getViewer } from "@/lib/access/viewer";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { requestOrigin } from "@/lib/audit/request-origin";
import { AppError, errorResponse } from "@/lib/errors";
import { withExportSlot } from "@/lib/exports/export-limit";
import { parseInput } from "@/lib/validation";

export async function GET(request: NextRequest): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
    requirePermission(viewer, "users.manage");
    const filters = parseInput(auditFiltersSchema, Object.fromEntries(request.nextUrl.searchParams));
    const now = new Date();
    const origin = await requestOrigin();
    return await withExportSlot(viewer, now, () => exportAuditLog(viewer, filters, origin, now));
  } catch (error) {
    return errorResponse(error);
  }
}
