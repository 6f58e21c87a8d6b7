import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { ViewerAccount } from "@/lib/access/load-viewer";
import { formatInstant } from "@/lib/dates";
import { generation3Access } from "@/lib/invoices/generation-rule";

export const GEN3_REQUEST_HREF = "/support/tickets/new?category=gen3_invoice_request";

// R-G2 on the list: until when Generation 3 invoices stay listed, or how to get one back.
export function GenerationBanner({ account, now }: { account: ViewerAccount; now: Date }) {
  const access = generation3Access(account, now);
  if (access.state === "current") return null;
  if (access.state === "grace") {
    return (
      <Notice tone="info" className="mb-4">
        <p className="font-medium">Generation 3 invoices remain available until {formatInstant(access.until, account.locale, account.timeZone)}.</p>
        <p className="mt-1">Your account now receives Generation 4 invoices. Download any Generation 3 invoices you need before then.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" className="mb-4">
      <p>
        Generation 3 invoices are no longer listed (since {formatInstant(access.since, account.locale, account.timeZone)}). Support can retrieve Generation 3 invoices issued in the
        previous 6 months.{" "}
        <Link href={GEN3_REQUEST_HREF} className="font-medium whitespace-nowrap underline underline-offset-2">
          Request a Generation 3 invoice
        </Link>
      </p>
    </Notice>
  );
}
