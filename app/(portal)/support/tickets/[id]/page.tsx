import type { Metadata } from "next";
import Link from "next/link";
import { ReplyForm } from "@/components/support/reply-form";
import { RestoredInvoices } from "@/components/support/restored-invoices";
import { TicketMessages } from "@/components/support/ticket-messages";
import { DetailHeader } from "@/components/ui/detail-header";
import { FlashNotice } from "@/components/ui/flash-notice";
import { Notice } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/access/page-guards";
import { formatDay, formatInstant, isoDateInZone } from "@/lib/dates";
import { providerName } from "@/lib/env";
import { orNotFound } from "@/lib/or-not-found";
import { getTicket } from "@/lib/support/get-ticket";
import { CATEGORY_LABELS } from "@/lib/support/ticket-labels";
import { replyTicketAction } from "../actions";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Support ticket" };

// "Ticket sent" belongs to the redirect right after sending, not to a bookmarked or reloaded ?created=1.
const justSent = (createdAt: Date) => Date.now() - createdAt.getTime() < 5 * 60_000;

// GET /support/tickets/[id] — read and reply; another account's ticket is a 404.
export default async function TicketPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const viewer = await requirePagePermission("support.use");
  const { id } = await params;
  const { created } = await searchParams;
  const { ticket, messages, grants } = await orNotFound(getTicket(viewer, id), { viewer, id, route: `/support/tickets/${id}` });
  const { locale, timeZone } = viewer.account;
  const when = (instant: Date) => formatInstant(instant, locale, timeZone);
  const day = (instant: Date) => formatDay(isoDateInZone(instant, timeZone), locale);

  return (
    <>
      <DetailHeader
        back={{ href: "/support/tickets", label: "Support Tickets" }}
        title={ticket.subject}
        description={
          <>
            {CATEGORY_LABELS[ticket.category]} · opened {when(ticket.createdAt)} by {ticket.createdBy ?? "a former user"} · <StatusBadge kind="ticket" status={ticket.status} />
          </>
        }
      />
      <div className="max-w-3xl space-y-6">
        {created && justSent(ticket.createdAt) ? <FlashNotice param="created">Ticket sent. We&apos;ll reply here and raise an alert when we do.</FlashNotice> : null}
        <RestoredInvoices grants={grants} now={new Date()} formatUntil={day} linkToInvoices={viewer.permissions.has("invoices.view")} />
        <TicketMessages messages={messages} providerLabel={`${providerName()} support`} formatTime={when} />
        {ticket.status === "closed" ? (
          <Notice>
            This ticket is closed.{" "}
            <Link href="/support/tickets/new" className="font-medium underline">
              Open a new ticket
            </Link>{" "}
            if you need more help.
          </Notice>
        ) : (
          <ReplyForm action={replyTicketAction.bind(null, ticket.id)} />
        )}
      </div>
    </>
  );
}
