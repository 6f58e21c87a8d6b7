import type { Metadata } from "next";
import Link from "next/link";
import { NewTicketForm } from "@/components/support/new-ticket-form";
import { PageHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/access/page-guards";
import { formatDay } from "@/lib/dates";
import { gen3Window } from "@/lib/support/gen3-window";
import { TICKET_CATEGORIES } from "@/lib/support/ticket-labels";
import { createTicketAction } from "../actions";

export const metadata: Metadata = { title: "New support ticket" };

// GET /support/tickets/new[?category=gen3_invoice_request] — open a ticket; the Invoices screen's
// "Request a Generation 3 invoice" links here with the category preselected.
export default async function NewTicketPage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const viewer = await requirePagePermission("support.use");
  const { category } = await searchParams;
  const initialCategory = TICKET_CATEGORIES.find((c) => c === category) ?? "";
  const window = gen3Window(new Date(), viewer.account.timeZone);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/support/tickets" className="text-brand-700 underline">
          Support Tickets
        </Link>
      </p>
      <PageHeader
        title={initialCategory === "gen3_invoice_request" ? "Request a Generation 3 invoice" : "New support ticket"}
        description="We answer on this ticket; you'll get an alert when we reply."
      />
      <NewTicketForm
        action={createTicketAction}
        initialCategory={initialCategory}
        gen3={{ earliestLabel: formatDay(window.earliest, viewer.account.locale), minMonth: window.earliest.slice(0, 7), maxMonth: window.today.slice(0, 7) }}
      />
    </>
  );
}
