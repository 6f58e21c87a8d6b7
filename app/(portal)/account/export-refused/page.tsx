import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/access/page-guards";
import { EXPORT_SOURCES, REFUSAL_MESSAGES, type ExportSource, type RefusalReason } from "@/lib/exports/export-refusal";

export const metadata: Metadata = { title: "Export not started" };

type SearchParams = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// Seconds from the URL as a whole number within the limiter's range; anything else is not shown.
function seconds(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= 3600 ? n : null;
}

// GET /account/export-refused?reason&from&retryAfter — where a browser lands when an export
// route refuses it (issue 13 item 3): what happened, when to retry, and the way back.
export default async function ExportRefusedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageViewer();
  const params = await searchParams;
  const reasonParam = one(params.reason) ?? "";
  const fromParam = one(params.from) ?? "";
  const reason: RefusalReason = Object.hasOwn(REFUSAL_MESSAGES, reasonParam) ? (reasonParam as RefusalReason) : "bad_request";
  const source: ExportSource = Object.hasOwn(EXPORT_SOURCES, fromParam) ? (fromParam as ExportSource) : "invoices";
  const message = REFUSAL_MESSAGES[reason];
  const wait = reason === "rate_limited" ? seconds(one(params.retryAfter)) : null;
  const back = EXPORT_SOURCES[source];

  return (
    <>
      <PageHeader title="Export not started" />
      <Card className="max-w-xl p-5" role="alert">
        <h2 className="text-lg font-semibold text-slate-900">{message.title}</h2>
        <p className="mt-2 text-sm text-slate-700">{message.body}</p>
        {reason === "rate_limited" ? (
          <p className="mt-2 text-sm font-medium text-slate-900">{wait ? `Try again in ${wait} ${wait === 1 ? "second" : "seconds"}.` : "Try again in a minute."}</p>
        ) : null}
        <div className="mt-4">
          <Link href={back.path} className={buttonClasses("primary", "sm")}>
            Back to {back.label}
          </Link>
        </div>
      </Card>
    </>
  );
}
