import { auditActionLabel } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatInstant } from "@/lib/dates";

const KIND: Record<string, string> = { operator: "provider staff", api: "API", system: "system", anonymous: "not signed in" };

// Who did what, when and from where. On a phone the IP moves under the description.
export function AuditTable({ rows, locale, timeZone }: { rows: AuditEventRow[]; locale: string; timeZone: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="w-28 px-3 py-2.5 sm:w-48">
              When
            </th>
            <th scope="col" className="w-32 px-3 py-2.5 sm:w-56">
              Who
            </th>
            <th scope="col" className="px-3 py-2.5">
              What
            </th>
            <th scope="col" className="hidden w-36 px-3 py-2.5 md:table-cell">
              IP address
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => {
            const details = describeAuditDetails(row.details);
            return (
              <tr key={row.id} className="align-top">
                <td className="px-3 py-2.5 text-slate-700">
                  <time dateTime={row.createdAt.toISOString()}>{formatInstant(row.createdAt, locale, timeZone)}</time>
                </td>
                <td className="px-3 py-2.5 break-words text-slate-900">
                  {row.actorLabel}
                  {KIND[row.actorKind] ? <span className="block text-xs text-slate-600">{KIND[row.actorKind]}</span> : null}
                </td>
                <td className="px-3 py-2.5 break-words">
                  <span className="font-medium text-slate-900">{auditActionLabel(row.action)}</span>
                  {details ? <span className="block text-slate-600">{details}</span> : null}
                  {row.ip ? <span className="block text-xs text-slate-500 md:hidden">IP {row.ip}</span> : null}
                </td>
                <td className="hidden px-3 py-2.5 font-mono text-xs break-all text-slate-700 md:table-cell">{row.ip ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
