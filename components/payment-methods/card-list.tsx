import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/dates";
import type { PaymentMethodRow } from "@/lib/payments/list-payment-methods";
import { CardActions, type CardActionHandlers } from "./card-actions";

function ExpiryBadge({ card, locale }: { card: PaymentMethodRow; locale: string }) {
  if (card.expiry.state === "expired") return <Badge tone="danger">Expired</Badge>;
  if (card.expiry.state === "expires_soon")
    return (
      <Badge tone="warning">
        <span title={`Valid through ${formatDay(card.expiry.lastValidDay, locale)}`}>Expires soon</span>
      </Badge>
    );
  return null;
}

// Cards on file: brand, last four, expiry, holder, default and expiry badges (R-M1).
// `actions` (the page's server actions) is needed only when the viewer may update cards.
export function CardList({ cards, actions, locale }: { cards: PaymentMethodRow[]; actions: CardActionHandlers | null; locale: string }) {
  if (cards.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No cards on file yet.</p>;
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Cards on file">
      {cards.map((card) => {
        const label = `${card.brand} ending in ${card.last4}`;
        return (
          <li key={card.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">
                  {card.brand} <span aria-hidden="true">•••• </span>
                  <span className="sr-only">ending in </span>
                  {card.last4}
                </span>
                {card.isDefault ? <Badge tone="info">Default</Badge> : null}
                <ExpiryBadge card={card} locale={locale} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                Expires {String(card.expMonth).padStart(2, "0")}/{card.expYear} · {card.holderName}
              </p>
            </div>
            {actions ? <CardActions actions={actions} id={card.id} label={label} isDefault={card.isDefault} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
