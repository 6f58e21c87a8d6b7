import { z } from "zod";
import { textSchema } from "@/lib/validation";
import { cardBrand, cardDigits, cvcLength, luhnValid } from "./card-number";
import { cardExpiry } from "./card-expiry";

// Messages are fixed strings: a card number or CVC is never repeated back in an error.
const numberSchema = z
  .string({ error: "Enter the card number." })
  .transform(cardDigits)
  .refine((d) => d.length > 0, "Enter the card number.")
  .refine((d) => d.length === 0 || /^\d{12,19}$/.test(d), "A card number has 12 to 19 digits.")
  .refine((d) => !/^\d{12,19}$/.test(d) || luhnValid(d), "That card number is not valid. Check it and try again.");

// The add-card form (R-M2). Expiry must not be in the past in the account's time zone; the CVC is
// checked for shape and then dropped: it is not part of the output.
export function addCardSchema(now: Date, timeZone: string) {
  return z
    .object({
      holderName: textSchema({ min: 1, minMessage: "Enter the name on the card.", max: 100, maxMessage: "Use at most 100 characters." }),
      number: numberSchema,
      expMonth: z.coerce.number({ error: "Choose the expiry month." }).int().min(1, "Choose the expiry month.").max(12, "Choose the expiry month."),
      expYear: z.coerce
        .number({ error: "Choose the expiry year." })
        .int()
        .transform((y) => (y < 100 ? 2000 + y : y))
        .pipe(z.number().min(2000, "Choose the expiry year.").max(2100, "Choose the expiry year.")),
      cvc: z
        .string({ error: "Enter the security code." })
        .trim()
        .regex(/^\d{3,4}$/, "Enter the 3- or 4-digit security code."),
      makeDefault: z.boolean().default(false),
    })
    .superRefine((card, ctx) => {
      if (cardExpiry(card, now, timeZone).state === "expired") ctx.addIssue({ code: "custom", path: ["expYear"], message: "This card has expired. Check the expiry date." });
      if (luhnValid(card.number) && card.cvc.length !== cvcLength(cardBrand(card.number))) {
        ctx.addIssue({ code: "custom", path: ["cvc"], message: `Enter the ${cvcLength(cardBrand(card.number))}-digit security code.` });
      }
    })
    .transform(({ holderName, number, expMonth, expYear, makeDefault }) => ({ holderName, number, expMonth, expYear, makeDefault }));
}
