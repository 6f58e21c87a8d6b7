import type { Metadata } from "next";
import Link from "next/link";
import { AccountInvoicesTable } from "@/components/operator/account-invoices-table";
import { AccountPaymentsTable } from "@/components/operator/account-payments-table";
import { AccountUsersTable } from "@/components/operator/account-users-table";
import { formatUtc, OPERATOR_LOCALE } from "@/components/operator/operator-format";
import { KeysetPager } from "@/components/operator/keyset-pager";
import { Section } from "@/components/operator/section";
import { TicketsTable } from "@/components/support/tickets-table";
import { buttonClasses } from "@/components/ui/button";
import { DetailHeader } from "@/components/ui/detail-header";
import { Notice } from "@/components/ui/notice";
import { requirePageOperator } from "@/lib/access/page-guards";
import { formatMoney } from "@/lib/money";
import { getAccountOverview } from "@/lib/operator/get-account-overview";
import { orNotFound } from "@/lib/or-not-found";

export const metadata: Metadata = { title: "Account" };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

type Search = Record<"posted" | "paid" | "voided" | "upgraded" | "older" | "newer", string | string[] | undefined>;

// GET /operator/accounts/[id] — one customer account as the provider sees it.
export default async function OperatorAccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const operator = await requirePageOperator();
  const { id } = await params;
  const search = await searchParams;
  const overview = await orNotFound(getAccountOverview(operator, id, { older: one(search.older), newer: one(search.newer) }));
  const { account, counts } = overview;
  const numberOf = (invoiceId?: string) => overview.invoices.find((i) => i.id === invoiceId)?.number;
  const posted = numberOf(one(search.posted));
  const voided = numberOf(one(search.voided));

  return (
    <>
      <DetailHeader
        back={{ href: "/operator", label: "All accounts" }}
        title={account.name}
        description={
          <>
            <code>{account.slug}</code> · {account.currency} · {account.timeZone} ·{" "}
            {account.invoiceGeneration === 4 ? `Generation 4 since ${account.upgradedAt ? formatUtc(account.upgradedAt) : "—"}` : "Generation 3"}
          </>
        }
        actions={
          <>
            <Link href={`/operator/accounts/${account.id}/invoices/new`} className={buttonClasses("primary")}>
              Post an invoice
            </Link>
            <Link href={`/operator/accounts/${account.id}/payments/new`} className={buttonClasses("secondary")}>
              Record a payment
            </Link>
            {account.invoiceGeneration === 3 ? (
              <Link href={`/operator/accounts/${account.id}/upgrade`} className={buttonClasses("secondary")}>
                Upgrade to Generation 4
              </Link>
            ) : null}
          </>
        }
      />
      {posted ? (
        <Notice tone="success" className="mb-4">
          Invoice {posted} posted. The account&apos;s users are notified.
        </Notice>
      ) : null}
      {search.paid ? (
        <Notice tone="success" className="mb-4">
          Payment recorded and allocated.
        </Notice>
      ) : null}
      {voided ? (
        <Notice tone="success" className="mb-4">
          Invoice {voided} voided.
        </Notice>
      ) : null}
      {search.upgraded && account.invoiceGeneration === 4 ? (
        <Notice tone="success" className="mb-4">
          Upgraded to Generation 4. Generation 3 invoices stay visible to the customer for 30 days.
        </Notice>
      ) : null}

      <dl className="mb-6 grid max-w-3xl grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        {[
          ["Open balance", formatMoney(counts.openBalanceMinor, account.currency, OPERATOR_LOCALE)],
          ["Open invoices", String(counts.open)],
          ["Invoices", String(counts.invoices)],
          ["Payments", String(counts.payments)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-base font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <nav aria-label="On this page" className="mb-4 flex flex-wrap gap-3 text-sm">
        {[
          ["#invoices", "Invoices"],
          ["#payments", "Payments"],
          ["#users", "Users"],
          ["#tickets", "Support tickets"],
        ].map(([href, label]) => (
          <a key={href} href={href} className="text-brand-700 underline">
            {label}
          </a>
        ))}
      </nav>

      <Section id="invoices" title={counts.invoices > overview.invoices.length ? `Invoices (${overview.invoices.length} of ${counts.invoices}, newest first)` : "Invoices"}>
        <AccountInvoicesTable accountId={account.id} invoices={overview.invoices} />
        <KeysetPager
          label="Invoice pages"
          noun="invoices"
          newerHref={overview.invoicePages.newer ? `/operator/accounts/${account.id}?newer=${overview.invoicePages.newer}#invoices` : null}
          olderHref={overview.invoicePages.older ? `/operator/accounts/${account.id}?older=${overview.invoicePages.older}#invoices` : null}
        />
      </Section>
      <Section id="payments" title={counts.payments > overview.payments.length ? `Payments (latest ${overview.payments.length} of ${counts.payments})` : "Payments"}>
        <AccountPaymentsTable payments={overview.payments} />
      </Section>
      <Section id="users" title="Users">
        <AccountUsersTable users={overview.users} />
      </Section>
      <Section id="tickets" title="Support tickets">
        {overview.tickets.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600">No support tickets.</p>
        ) : (
          <TicketsTable tickets={overview.tickets} ticketHref={(id) => `/operator/tickets/${id}`} formatWhen={formatUtc} />
        )}
      </Section>
    </>
  );
}
