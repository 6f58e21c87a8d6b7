import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/operator/operator-format";
import { TicketStatusForm } from "@/components/operator/ticket-status-form";
import { ReplyForm } from "@/components/support/reply-form";
import { RestoredInvoices } from "@/components/support/restored-invoices";
import { TicketMessages } from "@/components/support/ticket-messages";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { DetailHeader } from "@/components/ui/detail-header";
import { requirePageOperator } from "@/lib/access/page-guards";
import { providerName } from "@/lib/env";
import { orNotFound } from "@/lib/or-not-found";
import { getTicketForOperator } from "@/lib/support/operator-tickets";
import { CATEGORY_LABELS, monthLabel, nextStatuses } from "@/lib/support/ticket-labels";
import { fulfilGen3Action, operatorReplyAction, ticketStatusAction } from "./actions";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Support ticket" };

// GET /operator/tickets/[id] — read, reply, move the status, fulfil a Generation 3 request.
export default async function OperatorTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePageOperator();
  const { id } = await params;
  const { account, ticket, messages, grants } = await orNotFound(getTicketForOperator(operator, id));
  const open = ticket.status === "open" || ticket.status === "in_progress";
  const isGen3 = ticket.category === "gen3_invoice_request";
  const requested =
    ticket.invoiceReference && isGen3
      ? `invoice ${ticket.invoiceReference}`
      : ticket.requestedMonth
        ? `the Generation 3 invoices of ${monthLabel(ticket.requestedMonth.slice(0, 7), "en-US")}`
        : null;

  return (
    <>
      <DetailHeader
        back={{ href: "/operator/tickets", label: "All tickets" }}
        title={ticket.subject}
        description={
          <>
            <Link href={`/operator/accounts/${account.id}`} className="underline">
              {account.name}
            </Link>{" "}
            · {CATEGORY_LABELS[ticket.category]} · opened {formatUtc(ticket.createdAt)} by {ticket.createdBy ?? "a former user"} ·{" "}
            <StatusBadge kind="ticket" status={ticket.status} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          {isGen3 && requested ? (
            <Card className="space-y-3 p-4 text-sm">
              <h2 className="font-semibold text-slate-900">Generation 3 invoice request</h2>
              <p id="fulfil-effect">
                The customer asks for {requested}. Fulfilling gives {account.name} access to view and export it for 30 days, replies on this ticket, marks it resolved and alerts
                the customer.
              </p>
              {open ? (
                <ActionButton
                  action={fulfilGen3Action.bind(null, ticket.id)}
                  label="Restore for 30 days"
                  pendingLabel="Restoring…"
                  variant="primary"
                  size="md"
                  describedBy="fulfil-effect"
                />
              ) : null}
            </Card>
          ) : null}
          <RestoredInvoices grants={grants} now={new Date()} formatUntil={formatUtc} linkToInvoices={false} />
          <TicketMessages messages={messages} providerLabel={`${providerName()} support`} formatTime={formatUtc} />
          {ticket.status !== "closed" ? <ReplyForm action={operatorReplyAction.bind(null, ticket.id)} label="Reply to the customer" /> : null}
        </div>
        <Card className="h-fit space-y-3 p-4">
          <h2 className="text-sm font-semibold text-slate-900">Status</h2>
          <p className="text-sm">
            Now: <StatusBadge kind="ticket" status={ticket.status} />
          </p>
          <TicketStatusForm action={ticketStatusAction.bind(null, ticket.id)} next={nextStatuses(ticket.status)} />
        </Card>
      </div>
    </>
  );
}
