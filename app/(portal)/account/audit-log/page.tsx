import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilterForm } from "@/components/audit/audit-filter-form";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/access/page-guards";
import { auditFiltersSchema, firstValues } from "@/lib/audit/audit-filters";
import { listAuditActors, listAuditEvents } from "@/lib/audit/list-audit-events";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, parseInput } from "@/lib/validation";

export const metadata: Metadata = { title: "Audit Log" };

type SearchParams = Record<string, string | string[] | undefined>;

function href(base: Record<string, string>, extra: Record<string, string> = {}, path = "/account/audit-log"): string {
  const query = new URLSearchParams(Object.entries({ ...base, ...extra }).filter(([, v]) => v !== ""));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

// GET /account/audit-log?actor&action&from&to&size&after|before — who did what, when, from where (R-P6).
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePagePermission("users.manage");
  const raw = firstValues(await searchParams);
  const shown = { actor: raw.actor ?? "", action: raw.action ?? "", from: raw.from ?? "", to: raw.to ?? "" };
  let errors: Record<string, string[]> = {};
  let filters = null;
  try {
    filters = parseInput(auditFiltersSchema, raw);
  } catch (error) {
    if (!isAppError(error)) throw error;
    errors = fieldErrorsOf(error);
  }
  const [actors, page] = await Promise.all([listAuditActors(viewer), filters ? listAuditEvents(viewer, filters) : null]);
  const keep = { ...shown, size: filters && filters.size !== 50 ? String(filters.size) : "" };
  const filtered = Boolean(shown.actor || shown.action || shown.from || shown.to);

  return (
    <>
      <PageHeader
        title="Audit Log"
        description={`Security-relevant actions in ${viewer.account.name}, newest first. Times are in ${viewer.account.timeZone.replace(/_/g, " ")}.`}
        actions={
          <a href={href(shown, {}, "/account/audit-log/export")} className={buttonClasses("secondary")}>
            Export CSV
          </a>
        }
      />
      <AuditFilterForm values={shown} actors={actors} errors={errors} />
      <div className="mt-4">
        {!page ? (
          <Notice tone="error">Fix the filter to see entries: {Object.values(errors).flat()[0] ?? "it is not valid."}</Notice>
        ) : page.rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            {filtered ? (
              <>
                No entries match this filter.{" "}
                <Link href="/account/audit-log" className="font-medium text-brand-700 underline">
                  Clear the filter
                </Link>
              </>
            ) : (
              "No entries yet."
            )}
          </p>
        ) : (
          <AuditTable rows={page.rows} locale={viewer.account.locale} timeZone={viewer.account.timeZone} />
        )}
      </div>
      {page && (page.newerCursor || page.olderCursor) ? (
        <nav aria-label="Audit log pages" className="mt-4 flex justify-between gap-2">
          {page.newerCursor ? (
            <Link href={href(keep, { before: page.newerCursor })} className={buttonClasses("secondary", "sm")}>
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          {page.olderCursor ? (
            <Link href={href(keep, { after: page.olderCursor })} className={buttonClasses("secondary", "sm")}>
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
