import type { Metadata } from "next";
import Link from "next/link";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/access/page-guards";
import { formatInstant } from "@/lib/dates";
import { providerName } from "@/lib/env";
import { listTickets } from "@/lib/support/list-tickets";
import { CATEGORY_LABELS } from "@/lib/support/ticket-labels";

export const metadata: Metadata = { title: "Support Tickets" };

// GET /support/tickets — the account's tickets with their status (R-S1).
export default async function SupportTicketsPage() {
  const viewer = await requirePagePermission("support.use");
  const tickets = await listTickets(viewer);
  const when = (instant: Date) => formatInstant(instant, viewer.account.locale, viewer.account.timeZone);
  return (
    <>
      <PageHeader
        title="Support Tickets"
        description={`Questions and requests to ${providerName()}'s support team.`}
        actions={
          <Link href="/support/tickets/new" className={buttonClasses("primary")}>
            New ticket
          </Link>
        }
      />
      <Card>
        {tickets.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">No tickets yet. Open one whenever you need help from {providerName()}.</p>
        ) : (
          <DataTable caption="Support tickets">
            <thead>
              <tr>
                <Th>Subject</Th>
                <Th>Category</Th>
                <Th>Status</Th>
                <Th>Last activity</Th>
                <Th>Opened by</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tickets.map((t) => (
                <tr key={t.id}>
                  <Td>
                    <Link href={`/support/tickets/${t.id}`} className="font-medium text-brand-700 underline">
                      {t.subject}
                    </Link>
                  </Td>
                  <Td>{CATEGORY_LABELS[t.category]}</Td>
                  <Td>
                    <TicketStatusBadge status={t.status} />
                  </Td>
                  <Td className="whitespace-nowrap">{when(t.updatedAt)}</Td>
                  <Td>{t.createdBy ?? "Former user"}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
    </>
  );
}
