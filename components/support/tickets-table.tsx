import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, Td, Th } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { CATEGORY_LABELS, type TicketCategory, type TicketStatus } from "@/lib/support/ticket-labels";
import { StatusBadge } from "@/components/ui/status-badge";

export type TicketsTableRow = {
  id: string;
  subject: string;
  category: TicketCategory;
  status: TicketStatus;
  updatedAt: Date;
  // The operator's views: tickets waiting for the provider's answer stand out.
  awaitingReply?: boolean;
  // The operator's list of every account's tickets links each one to its account.
  accountId?: string;
  accountName?: string;
  // The customer's list names who opened each ticket (null: a user since removed).
  createdBy?: string | null;
};

type TicketsTableProps = {
  tickets: TicketsTableRow[];
  ticketHref: (id: string) => string;
  formatWhen: (instant: Date) => string;
  showAccount?: boolean;
  showOpenedBy?: boolean;
};

// The ticket list of the portal's Support page and of the operator console (all tickets, one account's).
export function TicketsTable({ tickets, ticketHref, formatWhen, showAccount = false, showOpenedBy = false }: TicketsTableProps) {
  return (
    <DataTable caption="Support tickets">
      <thead>
        <tr>
          <Th>Subject</Th>
          {showAccount ? <Th>Account</Th> : null}
          <Th>Category</Th>
          <Th>Status</Th>
          <Th>Last activity</Th>
          {showOpenedBy ? <Th>Opened by</Th> : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <Td>
              <Link href={ticketHref(ticket.id)} className={cn("font-medium text-brand-700 underline", ticket.awaitingReply && "font-semibold")}>
                {ticket.subject}
              </Link>
              {ticket.awaitingReply ? (
                <>
                  {" "}
                  <Badge tone="warning">Awaiting reply</Badge>
                </>
              ) : null}
            </Td>
            {showAccount ? (
              <Td>
                <Link href={`/operator/accounts/${ticket.accountId}`} className="text-slate-700 underline">
                  {ticket.accountName}
                </Link>
              </Td>
            ) : null}
            <Td>{CATEGORY_LABELS[ticket.category]}</Td>
            <Td>
              <StatusBadge kind="ticket" status={ticket.status} />
            </Td>
            <Td className="whitespace-nowrap">{formatWhen(ticket.updatedAt)}</Td>
            {showOpenedBy ? <Td>{ticket.createdBy ?? "Former user"}</Td> : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
