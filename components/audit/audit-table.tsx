import { auditActionLabel } from "@/lib/audit/audit-actions";
import { describeAuditDetails } from "@/lib/audit/audit-details";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { formatInstant } from "@/lib/dates";

const KIND: Record<string, string> = { operator: "provider staff", api: "API", system: "system", anonymous: "not signed in" };

// Who did what, when and from where. On a phone the time moves under the actor and the IP
// under the description, leaving two columns.
export function AuditTable({ rows, locale, timeZone }: { rows: AuditEventRow[]; locale: string; timeZone: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="hidden w-48 px-3 py-2.5 md:table-cell">
              When
            </th>
            <th scope="col" className="w-36 px-3 py-2.5 sm:w-56">
              Who<span className="md:hidden"> / when</span>
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
            const details = describeAuditDetails(row.action, row.details, { locale, timeZone });
            const when = <time dateTime={row.createdAt.toISOString()}>{formatInstant(row.createdAt, locale, timeZone)}</time>;
            return (
              <tr key={row.id} className="align-top">
                <td className="hidden px-3 py-2.5 text-slate-700 md:table-cell">{when}</td>
                <td className="px-3 py-2.5 break-words text-slate-900">
                  {row.actorLabel}
                  {KIND[row.actorKind] ? <span className="block text-xs text-slate-600">{KIND[row.actorKind]}</span> : null}
                  <span className="block text-xs text-slate-600 md:hidden">{when}</span>
                </td>
                <td className="px-3 py-2.5 break-words">
                  <span className="font-medium text-slate-900">{auditActionLabel(row.action)}</span>
                  {details ? <span className="block text-slate-600">{details}</span> : null}
                  {row.ip ? <span className="block text-xs text-slate-600 md:hidden">IP {row.ip}</span> : null}
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
