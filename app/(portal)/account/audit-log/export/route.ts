// GET /account/audit-log/export?actor&action&from&to — the filtered audit log as CSV (users.manage).
import type { NextRequest } from "next/server";
import { requirePermission } from "@/lib/access/guards";
import { getViewer } from "@/lib/access/viewer";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { exportAuditLog } from "@/lib/audit/export-audit-log";
import { requestOrigin } from "@/lib/audit/request-origin";
import { AppError, errorResponse } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export async function GET(request: NextRequest): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
    requirePermission(viewer, "users.manage");
    const filters = parseInput(auditFiltersSchema, Object.fromEntries(request.nextUrl.searchParams));
    return await exportAuditLog(viewer, filters, await requestOrigin(), new Date());
  } catch (error) {
    return errorResponse(error);
  }
}
