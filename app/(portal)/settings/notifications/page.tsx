import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AccountPreferencesList } from "@/components/notifications/account-preferences-list";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requirePageViewer } from "@/lib/access/page-guards";
import { formatInstant } from "@/lib/dates";
import { isDemoMode } from "@/lib/env";
import { emailsAreCaptured } from "@/lib/notifications/outbox/email-sender";
import { getMyNotificationPreferences, listAccountNotificationPreferences } from "@/lib/notifications/preferences";
import { idSchema } from "@/lib/validation";

export const metadata: Metadata = { title: "Notification Preferences" };

const paramsSchema = z.object({
  saved: z
    .union([z.literal("me"), idSchema()])
    .optional()
    .catch(undefined),
  error: z.literal("invalid").optional().catch(undefined),
});

// GET /settings/notifications — the viewer's Billing channels and, for administrators, everyone's (R-N3).
export default async function NotificationPreferencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer();
  const params = paramsSchema.parse(await searchParams);
  const mine = await getMyNotificationPreferences(viewer);
  const people = viewer.permissions.has("users.manage") ? (await listAccountNotificationPreferences(viewer)).filter((p) => p.userId !== viewer.userId) : null;
  const { locale, timeZone } = viewer.account;

  return (
    <>
      <PageHeader title="Notification Preferences" description="Choose how you hear about billing events: alerts in the bell at the top of the page, email, both or neither." />
      {params.error ? (
        <Notice tone="error" className="mb-4 max-w-3xl">
          Alert and Email must each be on or off. Nothing was changed.
        </Notice>
      ) : null}

      <Card className="max-w-3xl">
        <section aria-labelledby="billing-heading" className="px-4 py-4">
          <h2 id="billing-heading" className="text-base font-semibold text-slate-900">
            Billing
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">An invoice is posted; an invoice is 2, 10, 15, 25 or 30 days past due; a card on file expires in 30, 15 or 1 days.</p>
          <PreferencesForm idPrefix="mine" initial={{ alert: mine.alert, email: mine.emailOn }} saved={params.saved === "me"} submitLabel="Update Notification Preference" />
          {mine.changedBy && mine.updatedAt ? (
            <p className="mt-3 text-sm text-slate-600">
              Last changed by {mine.changedBy} on {formatInstant(mine.updatedAt, locale, timeZone)}.
            </p>
          ) : null}
          {!mine.receivesBilling ? (
            <p className="mt-3 text-sm text-slate-600">
              You will get billing notifications once an account administrator gives you the View Invoices or Read Payment Information permission.
            </p>
          ) : null}
        </section>
      </Card>

      {people ? (
        <section aria-labelledby="people-heading" className="mt-8 max-w-3xl">
          <h2 id="people-heading" className="text-lg font-semibold text-slate-900">
            People in {viewer.account.name}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600">As an account administrator you can change anyone&apos;s Billing preferences. They will see that you did.</p>
          <Card>
            <AccountPreferencesList people={people} savedUserId={params.saved !== "me" ? (params.saved ?? null) : null} locale={locale} timeZone={timeZone} />
          </Card>
        </section>
      ) : null}

      {isDemoMode() && emailsAreCaptured() ? (
        <p className="mt-8 max-w-3xl text-sm text-slate-600">
          Demo mode: emails are not sent but kept in the{" "}
          <Link href="/dev/mailbox" className="font-medium text-brand-700 underline">
            development mailbox
          </Link>
          .
        </p>
      ) : null}
    </>
  );
}
