import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/operator/operator-format";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { requirePageOperator } from "@/lib/access/page-guards";
import { cn } from "@/lib/cn";
import { listTicketsForOperator, type OperatorTicketFilter } from "@/lib/support/operator-tickets";
import { CATEGORY_LABELS, STATUS_LABELS, TICKET_STATUSES } from "@/lib/support/ticket-labels";

export const metadata: Metadata = { title: "Support tickets" };

const FILTERS: { value: OperatorTicketFilter; label: string }[] = [
  { value: "active", label: "Open and in progress" },
  ...TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
  { value: "all", label: "All" },
];

// GET /operator/tickets — every account's tickets; "Awaiting reply" marks the ones to answer.
export default async function OperatorTicketsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const operator = await requirePageOperator();
  const { status } = await searchParams;
  const filter = FILTERS.find((f) => f.value === status)?.value ?? "active";
  const tickets = await listTicketsForOperator(operator, filter);
  return (
    <>
      <PageHeader title="Support tickets" description="Tickets from every account, most recently active first." />
      <nav aria-label="Ticket status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={f.value === "active" ? "/operator/tickets" : `/operator/tickets?status=${f.value}`}
            aria-current={f.value === filter ? "page" : undefined}
            className={cn("rounded-md border px-2.5 py-1", f.value === filter ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50")}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <Card>
        <DataTable caption="Support tickets">
          <thead>
            <tr>
              <Th>Subject</Th>
              <Th>Account</Th>
              <Th>Category</Th>
              <Th>Status</Th>
              <Th>Last activity</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tickets.map((t) => (
              <tr key={t.id}>
                <Td>
                  <Link href={`/operator/tickets/${t.id}`} className={cn("text-brand-700 underline", t.awaitingReply && "font-semibold")}>
                    {t.subject}
                  </Link>{" "}
                  {t.awaitingReply ? <Badge tone="warning">Awaiting reply</Badge> : null}
                </Td>
                <Td>
                  <Link href={`/operator/accounts/${t.accountId}`} className="text-slate-700 underline">
                    {t.accountName}
                  </Link>
                </Td>
                <Td>{CATEGORY_LABELS[t.category]}</Td>
                <Td>
                  <TicketStatusBadge status={t.status} />
                </Td>
                <Td className="whitespace-nowrap">{formatUtc(t.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {tickets.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No tickets with this status.</p> : null}
      </Card>
    </>
  );
}
