import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { getIdentity } from "@/lib/access/viewer";
import { cn } from "@/lib/cn";
import { canOpenMailbox, getMailboxEmail, listMailbox } from "@/lib/notifications/mailbox";
import { DEV_MAILBOX_ID, emailsAreCaptured } from "@/lib/notifications/outbox/email-sender";
import { orNotFound } from "@/lib/or-not-found";

export const metadata: Metadata = { title: "Development mailbox" };

const STATUS_LABEL = { pending: "Pending", sent: "Sent", failed: "Failed" } as const;

// GET /dev/mailbox — outbox emails with their HTML and text (R-N8). Without RESEND_API_KEY they are
// captured here instead of sent. Operators see all; in demo mode portal users see their own.
export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in?callbackUrl=%2Fdev%2Fmailbox");
  if (!canOpenMailbox(identity)) notFound();
  const { id } = await searchParams;
  const emails = await listMailbox(identity);
  const selectedId = id ?? emails[0]?.id;
  const selected = selectedId ? await orNotFound(getMailboxEmail(identity, selectedId)) : null;

  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
          <p className="mt-1 text-sm text-slate-600">
            {emailsAreCaptured() ? "No RESEND_API_KEY is set, so emails are kept here instead of being sent." : "Emails in the outbox and how their delivery went."}
          </p>
        </div>
        <Link href="/" className="text-sm font-medium text-brand-700 underline">
          Back to the portal
        </Link>
      </div>
      {/* minmax(0, 1fr): a grid column is otherwise as wide as its longest unbreakable line (the
          truncated "To … UTC" lines), and the page scrolled sideways on a phone. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card className="min-w-0">
          <h2 className="border-b border-slate-200 px-4 py-2 text-sm font-semibold">Emails ({emails.length})</h2>
          {emails.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-600">No emails yet. Turn Email on in Notification Preferences; reminders and posted invoices then land here.</p>
          ) : (
            <ul className="max-h-[70vh] divide-y divide-slate-100 overflow-y-auto">
              {emails.map((email) => (
                <li key={email.id}>
                  <Link
                    href={`/dev/mailbox?id=${email.id}`}
                    aria-current={email.id === selected?.id ? "true" : undefined}
                    className={cn("block px-4 py-2 text-sm hover:bg-slate-50", email.id === selected?.id && "bg-brand-50")}
                  >
                    <span className="block font-medium text-slate-900">{email.subject}</span>
                    <span className="block truncate text-xs text-slate-600">
                      To {email.toEmail} · {STATUS_LABEL[email.status]}
                      {email.providerMessageId === DEV_MAILBOX_ID ? " (captured)" : ""} · {email.createdAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {selected ? (
          <Card className="min-w-0 p-4">
            <h2 className="text-lg font-semibold">{selected.subject}</h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">To</dt>
              <dd>{selected.toEmail}</dd>
              <dt className="text-slate-600">Status</dt>
              <dd>
                {STATUS_LABEL[selected.status]} after {selected.attempts} {selected.attempts === 1 ? "attempt" : "attempts"}
                {selected.providerMessageId ? ` · provider id ${selected.providerMessageId}` : ""}
              </dd>
              {selected.lastError ? (
                <>
                  <dt className="text-slate-600">Last error</dt>
                  <dd className="text-red-800">{selected.lastError}</dd>
                </>
              ) : null}
            </dl>
            <h3 className="mt-4 mb-2 text-sm font-semibold">HTML</h3>
            <iframe title={`HTML version of “${selected.subject}”`} sandbox="" srcDoc={selected.html} className="h-[32rem] w-full rounded border border-slate-200 bg-white" />
            <h3 className="mt-4 mb-2 text-sm font-semibold">Plain text</h3>
            <pre className="overflow-x-auto rounded border border-slate-200 bg-slate-50 p-3 text-xs whitespace-pre-wrap">{selected.text}</pre>
          </Card>
        ) : null}
      </div>
    </main>
  );
}
