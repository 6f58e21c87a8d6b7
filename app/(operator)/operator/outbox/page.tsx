import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/operator/operator-format";
import { ReminderSweepStatus } from "@/components/operator/reminder-sweep-status";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/table";
import { requirePageOperator } from "@/lib/access/page-guards";
import { cn } from "@/lib/cn";
import { getLastReminderSweep } from "@/lib/notifications/sweep-runs";
import { listOutboxEmails, OUTBOX_STATUSES, type OutboxStatus } from "@/lib/operator/email-outbox";
import { retryEmailAction } from "./actions";

export const metadata: Metadata = { title: "Email outbox" };

const LABELS: Record<OutboxStatus, string> = { pending: "Pending", sent: "Sent", failed: "Failed" };
const TONES: Record<OutboxStatus, BadgeTone> = { pending: "info", sent: "success", failed: "danger" };

// GET /operator/outbox — the last reminder sweep, then emails waiting, sent and failed (R-N6); a failed one can be retried.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const operator = await requirePageOperator();
  const { status } = await searchParams;
  const filter = OUTBOX_STATUSES.find((s) => s === status) ?? null;
  const [{ rows, totals, truncated }, lastSweep] = await Promise.all([listOutboxEmails(operator, filter), getLastReminderSweep(operator)]);
  const tabs: { value: OutboxStatus | null; label: string }[] = [
    { value: null, label: `All (${totals.pending + totals.sent + totals.failed})` },
    ...OUTBOX_STATUSES.map((s) => ({ value: s, label: `${LABELS[s]} (${totals[s]})` })),
  ];

  return (
    <>
      <PageHeader title="Email outbox" description="Every email the portal sends goes through here. Failed emails keep their last error until retried." />
      <ReminderSweepStatus sweep={lastSweep} />
      <nav aria-label="Email status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {tabs.map((tab) => (
          <Link
            key={tab.label}
            href={tab.value ? `/operator/outbox?status=${tab.value}` : "/operator/outbox"}
            aria-current={tab.value === filter ? "page" : undefined}
            className={cn(
              "rounded-md border px-2.5 py-1",
              tab.value === filter ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <Card>
        <DataTable caption="Emails">
          <thead>
            <tr>
              <Th>Created</Th>
              <Th>To</Th>
              <Th>Subject</Th>
              <Th>Status</Th>
              <Th numeric>Attempts</Th>
              <Th>Last error</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((email) => (
              <tr key={email.id}>
                <Td className="whitespace-nowrap">{formatUtc(email.createdAt)}</Td>
                <Td className="min-w-48 break-words">
                  {email.toEmail}
                  {email.accountName ? <span className="block text-xs text-slate-600">{email.accountName}</span> : null}
                </Td>
                <Td>{email.subject}</Td>
                <Td>
                  <Badge tone={TONES[email.status]}>{LABELS[email.status]}</Badge>
                  <span className="block text-xs text-slate-600">
                    {email.status === "sent" && email.sentAt ? formatUtc(email.sentAt) : email.status === "pending" ? `next try ${formatUtc(email.nextAttemptAt)}` : null}
                  </span>
                </Td>
                <Td numeric>{email.attempts}</Td>
                <Td className="max-w-xs break-words text-red-800">{email.lastError ?? ""}</Td>
                <Td>
                  {email.status === "failed" ? (
                    <ActionButton
                      action={retryEmailAction}
                      fields={{ emailId: email.id }}
                      label="Retry"
                      accessibleLabel={`Retry email to ${email.toEmail}`}
                      pendingLabel="Retrying…"
                    />
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {rows.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No emails{filter ? ` with status ${LABELS[filter].toLowerCase()}` : ""}.</p> : null}
        {truncated ? <p className="px-4 py-3 text-xs text-slate-600">Showing the newest 200.</p> : null}
      </Card>
    </>
  );
}
