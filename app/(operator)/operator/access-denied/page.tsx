import type { Metadata } from "next";
import { formatUtc } from "@/components/operator/operator-format";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/table";
import { requirePageOperator } from "@/lib/access/page-guards";
import { listAccessDenials } from "@/lib/operator/list-access-denials";

export const metadata: Metadata = { title: "Denied access" };

// GET /operator/access-denied — customers' refused attempts (missing permission, another account's record).
export default async function AccessDeniedPage() {
  const operator = await requirePageOperator();
  const rows = await listAccessDenials(operator);
  return (
    <>
      <PageHeader title="Denied access" description="Attempts the portal refused, newest first: at most one per user, page and reason a minute." />
      <Card>
        <DataTable caption="Denied attempts">
          <thead>
            <tr>
              <Th>When (UTC)</Th>
              <Th>Account</Th>
              <Th>User</Th>
              <Th>Page or route</Th>
              <Th>Reason</Th>
              <Th>IP</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <Td colSpan={6}>No denied attempts.</Td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap">{formatUtc(row.at)}</Td>
                  <Td>{row.accountName ?? "—"}</Td>
                  <Td className="break-words">{row.user}</Td>
                  <Td className="break-all font-mono text-xs">{row.route ?? "—"}</Td>
                  <Td>{row.reason}</Td>
                  <Td>{row.ip ?? "—"}</Td>
                </tr>
              ))
            )}
          </tbody>
        </DataTable>
      </Card>
    </>
  );
}
