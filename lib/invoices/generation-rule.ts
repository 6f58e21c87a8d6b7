// The Generation 3 → 4 rule (R-G1, R-G2), in one place. Pure: `now` is passed in.
//
// An account still on Generation 3 sees its Generation 3 invoices. Once upgraded, they stay
// visible and exportable for 30 days (30 × 24 h from the recorded upgrade instant); from that
// instant on they are hidden everywhere unless support restored one (an access grant, R-G3).

export const GENERATION_3_GRACE_MS = 30 * 86_400_000;

export type GenerationAccount = { invoiceGeneration: number; upgradedAt: Date | null };

export type Generation3Access =
  | { state: "current" } // account still on Generation 3
  | { state: "grace"; until: Date } // upgraded < 30 days ago: visible, with a banner
  | { state: "hidden"; since: Date }; // upgraded ≥ 30 days ago: hidden unless granted

export function generation3Access(account: GenerationAccount, now: Date): Generation3Access {
  if (account.invoiceGeneration !== 4 || !account.upgradedAt) return { state: "current" };
  const until = new Date(account.upgradedAt.getTime() + GENERATION_3_GRACE_MS);
  return now.getTime() < until.getTime() ? { state: "grace", until } : { state: "hidden", since: until };
}
