import { formatInstant } from "@/lib/dates";
import type { UserPreferences } from "@/lib/notifications/preferences";
import { PreferencesForm } from "./preferences-form";

// For administrators: every other user of the account with their Billing switches (R-N3).
export function AccountPreferencesList({ people, savedUserId, locale, timeZone }: { people: UserPreferences[]; savedUserId: string | null; locale: string; timeZone: string }) {
  if (people.length === 0) return <p className="px-4 py-6 text-sm text-slate-600">No one else is in this account yet.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {people.map((person) => (
        <li key={person.userId} className="grid gap-3 px-4 py-4 lg:grid-cols-[minmax(0,1fr)_auto] lg:gap-6">
          <div className="min-w-0">
            <p className="font-medium text-slate-900">{person.name}</p>
            <p className="text-sm break-all text-slate-600">{person.email}</p>
            {person.changedBy && person.updatedAt ? (
              <p className="mt-1 text-xs text-slate-600">
                Last changed by {person.changedBy} on {formatInstant(person.updatedAt, locale, timeZone)}
              </p>
            ) : null}
            {!person.receivesBilling ? (
              <p className="mt-1 text-xs text-amber-800">Gets no billing notifications: no View Invoices or Read Payment Information permission.</p>
            ) : null}
          </div>
          <PreferencesForm
            idPrefix={`user-${person.userId}`}
            userId={person.userId}
            subject={person.name}
            initial={{ alert: person.alert, email: person.emailOn }}
            saved={savedUserId === person.userId}
            submitLabel={
              <>
                Update<span className="sr-only"> notification preference for {person.name}</span>
              </>
            }
          />
        </li>
      ))}
    </ul>
  );
}
