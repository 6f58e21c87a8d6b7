import Link from "next/link";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import type { AccountOverview } from "@/lib/operator/get-account-overview";
import { CATEGORY_LABELS } from "@/lib/support/ticket-labels";
import { formatUtc } from "./operator-format";

export function AccountTicketsTable({ tickets }: { tickets: AccountOverview["tickets"] }) {
  if (tickets.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No support tickets.</p>;
  return (
    <DataTable caption="Support tickets">
      <thead>
        <tr>
          <Th>Subject</Th>
          <Th>Category</Th>
          <Th>Status</Th>
          <Th>Last activity</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <Td>
              <Link href={`/operator/tickets/${ticket.id}`} className="font-medium text-brand-700 underline">
                {ticket.subject}
              </Link>
            </Td>
            <Td>{CATEGORY_LABELS[ticket.category]}</Td>
            <Td>
              <TicketStatusBadge status={ticket.status} />
            </Td>
            <Td className="whitespace-nowrap">{formatUtc(ticket.updatedAt)}</Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
