// npm run bench: every bench of the project, each on its own throwaway database.
import { withBenchDatabase } from "./bench-database";
import { benchInvoiceList } from "./invoice-list";

await withBenchDatabase(benchInvoiceList);
