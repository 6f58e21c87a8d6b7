import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { decimalStringToMinor } from "@/lib/money";
import { parseId } from "@/lib/validation";

// The account an operator form posts into, with the currency its amounts are entered in.
// A malformed id and a missing account are the same not_found.
export async function operatorTargetAccount(db: Db, accountId: string): Promise<{ currency: string }> {
  const id = parseId(accountId, "Account not found");
  const [account] = await db.select({ currency: accounts.currency }).from(accounts).where(eq(accounts.id, id));
  if (!account) throw new AppError("not_found", "Account not found");
  return account;
}

// Reads a form's decimal amounts in `currency` into minor units; a bad one gets its field's
// message in `fieldErrors` and reads as 0, so a form reports every bad amount at once.
export function moneyFieldReader(currency: string, fieldErrors: Record<string, string>): (value: string, field: string) => number {
  return (value, field) => {
    try {
      return decimalStringToMinor(value, currency);
    } catch (error) {
      fieldErrors[field] = error instanceof RangeError ? error.message : "Enter an amount";
      return 0;
    }
  };
}
