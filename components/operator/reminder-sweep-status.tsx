import { formatUtc } from "@/components/operator/operator-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ReminderSweep } from "@/db/schema";

const count = (n: number) => n.toLocaleString("en-US");

// The last reminder sweep for operators: when it ran, what it wrote, and its error, so a failing
// sweep is seen the same day. A sweep without an end is running, or its process died mid-way
// (the next run picks up where it stopped).
export function ReminderSweepStatus({ sweep }: { sweep: ReminderSweep | null }) {
  return (
    <section aria-labelledby="reminder-sweep-heading" className="mb-6">
      <h2 id="reminder-sweep-heading" className="mb-2 text-base font-semibold text-slate-900">
        Last reminder sweep
      </h2>
      <Card className="px-4 py-3 text-sm text-slate-700">
        {sweep === null ? (
          <p>No reminder sweep has run yet.</p>
        ) : (
          <>
            <p className="flex flex-wrap items-center gap-2">
              {sweep.error ? <Badge tone="danger">Failed</Badge> : sweep.finishedAt ? <Badge tone="success">Completed</Badge> : <Badge tone="info">Running or stopped</Badge>}
              <span>
                Started {formatUtc(sweep.startedAt)}
                {sweep.finishedAt ? `, ended ${formatUtc(sweep.finishedAt)}` : ", not ended"}
              </span>
            </p>
            <p className="mt-1">
              {count(sweep.notifications)} notifications created ({count(sweep.alerts)} alerts, {count(sweep.emails)} emails) in {count(sweep.batches)} batches.
            </p>
            {sweep.error ? <p className="mt-1 break-words text-red-800">Error: {sweep.error}</p> : null}
          </>
        )}
      </Card>
    </section>
  );
}
