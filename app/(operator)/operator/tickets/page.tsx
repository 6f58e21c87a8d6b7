import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/operator/operator-format";
import { TicketsTable } from "@/components/support/tickets-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageOperator } from "@/lib/access/page-guards";
import { cn } from "@/lib/cn";
import { listTicketsForOperator, type OperatorTicketFilter } from "@/lib/support/operator-tickets";
import { STATUS_LABELS, TICKET_STATUSES } from "@/lib/support/ticket-labels";

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
            className={cn(
              "rounded-md border px-2.5 py-1",
              f.value === filter ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <Card>
        <TicketsTable tickets={tickets} ticketHref={(id) => `/operator/tickets/${id}`} formatWhen={formatUtc} showAccount />
        {tickets.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No tickets with this status.</p> : null}
      </Card>
    </>
  );
}
