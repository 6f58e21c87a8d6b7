// npm run bench: every bench of the project, each on its own throwaway database.
// BENCH_ONLY=invoice-list|invoice-tab-scale|csv-export|page-load|reminder-sweep|outbox-drain|operator-accounts runs just one of them.
import { withBenchDatabase } from "./bench-database";
import { benchCsvExport } from "./csv-export";
import { benchInvoiceList } from "./invoice-list";
import { benchInvoiceTabScale } from "./invoice-tab-scale";
import { benchOperatorAccounts } from "./operator-accounts";
import { benchOutboxDrain } from "./outbox-drain";
import { benchPageLoad } from "./page-load";
import { benchReminderSweep } from "./reminder-sweep";
import { benchReminderSweepSizes } from "./reminder-sweep-sizes";

const only = process.env.BENCH_ONLY;
if (!only || only === "invoice-list") await withBenchDatabase(benchInvoiceList);
// Also part of invoice-list; alone for a quicker look at issue 14 item 4.
if (only === "invoice-tab-scale") await withBenchDatabase(benchInvoiceTabScale);
if (!only || only === "csv-export") await withBenchDatabase(benchCsvExport);
if (!only || only === "page-load") await withBenchDatabase(benchPageLoad);
if (!only || only === "reminder-sweep") {
  await benchReminderSweepSizes();
  await benchReminderSweep();
}
if (!only || only === "reminder-sweep" || only === "outbox-drain") await withBenchDatabase(benchOutboxDrain);
if (!only || only === "operator-accounts") await benchOperatorAccounts();
