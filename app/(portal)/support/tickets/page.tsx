import type { Metadata } from "next";
import Link from "next/link";
import { TicketsTable } from "@/components/support/tickets-table";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";
import { formatInstant } from "@/lib/dates";
import { providerName } from "@/lib/env";
import { listTickets } from "@/lib/support/list-tickets";

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
          <TicketsTable tickets={tickets} ticketHref={(id) => `/support/tickets/${id}`} formatWhen={when} showOpenedBy />
        )}
      </Card>
    </>
  );
}
