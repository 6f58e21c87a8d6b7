import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageOperator } from "@/lib/access/page-guards";
import { getAccountSummary } from "@/lib/operator/get-account-overview";
import { orNotFound } from "@/lib/or-not-found";
import { upgradeAccountAction } from "../actions";

export const metadata: Metadata = { title: "Upgrade to Generation 4" };

// GET /operator/accounts/[id]/upgrade — confirm moving the account to Generation 4 invoices.
export default async function UpgradeAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const operator = await requirePageOperator();
  const { id } = await params;
  const account = await orNotFound(getAccountSummary(operator, id));
  const back = `/operator/accounts/${account.id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back} className="text-brand-700 underline">
          {account.name}
        </Link>
      </p>
      <PageHeader title="Upgrade to Generation 4" />
      {account.invoiceGeneration === 4 ? (
        <Notice className="max-w-xl">{account.name} is already on Generation 4.</Notice>
      ) : (
        <Card className="max-w-xl space-y-3 p-4 text-sm">
          <p id="upgrade-effect">
            From now on, {account.name}&apos;s users see their Generation 3 invoices for 30 more days, with a banner saying until when. After that they are hidden, and users can
            ask support to restore one from the previous 6 months. This cannot be undone.
          </p>
          <ActionButton
            action={upgradeAccountAction.bind(null, account.id)}
            label="Upgrade now"
            pendingLabel="Upgrading…"
            variant="primary"
            size="md"
            describedBy="upgrade-effect"
          />
        </Card>
      )}
    </>
  );
}
