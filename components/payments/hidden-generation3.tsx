import Link from "next/link";

// Where a payment went when it settled Generation 3 invoices the account no longer sees (R-G3):
// named as such, with the way to see them again, instead of a blank "Applied to".
export function HiddenGeneration3() {
  return (
    <span>
      older Generation 3 invoices (hidden;{" "}
      <Link href="/support/tickets/new?category=gen3_invoice_request" className="text-brand-700 underline underline-offset-2">
        ask support
      </Link>{" "}
      to restore them)
    </span>
  );
}
