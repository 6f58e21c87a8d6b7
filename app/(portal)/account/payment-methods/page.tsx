import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { AddCardForm } from "@/components/payment-methods/add-card-form";
import { CardList } from "@/components/payment-methods/card-list";
import { requirePagePermission } from "@/lib/access/page-guards";
import { PERMISSION_INFO } from "@/lib/access/permissions";
import { isoDateInZone } from "@/lib/dates";
import { listPaymentMethods } from "@/lib/payments/list-payment-methods";
import { addCardAction, removeCardAction, setDefaultCardAction } from "./actions";

export const metadata: Metadata = { title: "Payment Methods" };

// GET /account/payment-methods — cards on file (payments.read); changes need payments.update.
export default async function PaymentMethodsPage() {
  const viewer = await requirePagePermission("payments.read");
  const now = new Date();
  const cards = await listPaymentMethods(viewer, now);
  const canUpdate = viewer.permissions.has("payments.update");
  return (
    <>
      <PageHeader title="Payment Methods" description="Cards on file for this account. The default card is charged for new invoices." />
      <div className={canUpdate ? "grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : "max-w-3xl space-y-4"}>
        <CardList cards={cards} actions={canUpdate ? { setDefault: setDefaultCardAction, remove: removeCardAction } : null} locale={viewer.account.locale} />
        {canUpdate ? (
          <AddCardForm addCard={addCardAction} firstYear={Number(isoDateInZone(now, viewer.account.timeZone).slice(0, 4))} />
        ) : (
          <Notice>You can see the cards on file. Adding, removing or changing the default card needs the {PERMISSION_INFO["payments.update"].label} permission.</Notice>
        )}
      </div>
    </>
  );
}
