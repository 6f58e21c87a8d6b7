import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { isoDateInZone } from "@/lib/dates";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";
import { withBenchDatabase } from "./bench-database";
import { seedProvider } from "./seed-provider";

// The operator console's Accounts list (200 rows with their user and invoice counts) on a
// provider-shaped installation at a tenth of the size and in full (1 000 / 10 000 accounts,
// 100 100 / 1 001 000 invoices): the counts are per listed account, from the monthly summaries,
// so the list must not grow with the invoices. Prints the median of 7 loads, unfiltered and
// searched by an email every account has a user matching (the worst case), and the full / tenth ratio.
const SIZES = [1_000, 10_000];
const operator = { kind: "operator" as const, userId: randomUUID(), email: "bench@operator.example", name: "Bench" };

async function median(run: () => Promise<unknown>, times = 7): Promise<number> {
  const ms: number[] = [];
  await run(); // warm the plan and the cache
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)];
}

export async function benchOperatorAccounts(): Promise<void> {
  console.log("\nOperator Accounts list (200 rows with user and invoice counts), provider-shaped data");
  console.log("| accounts | invoices | unfiltered | search by a user's email |");
  console.log("| --- | --- | --- | --- |");
  const results: { all: number; search: number }[] = [];
  for (const accounts of SIZES) {
    await withBenchDatabase(async () => {
      const db = await getDb();
      await seedProvider(db, { accounts, cardsPerAccount: 20, today: isoDateInZone(new Date(), "UTC") });
      await db.execute("analyze" as never);
      const { rows } = (await db.execute("select count(*)::int as n from invoices" as never)) as unknown as { rows: { n: number }[] };
      const listed = await listAccountsForOperator(operator);
      if (listed.length !== 200 || listed.some((a) => a.users !== 3)) throw new Error("unexpected accounts list");
      const all = await median(() => listAccountsForOperator(operator));
      const search = await median(() => listAccountsForOperator(operator, "u2@"));
      results.push({ all, search });
      console.log(`| ${accounts} | ${rows[0].n} | ${all.toFixed(1)} ms | ${search.toFixed(1)} ms |`);
    });
  }
  const [tenth, full] = results;
  console.log(`full / tenth: unfiltered ${(full.all / tenth.all).toFixed(2)}×, search ${(full.search / tenth.search).toFixed(2)}× (the invoices grew 10×)`);
}
