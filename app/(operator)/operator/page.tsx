import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/components/operator/operator-format";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/table";
import { inputClasses } from "@/components/ui/field";
import { requirePageOperator } from "@/lib/access/page-guards";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";

export const metadata: Metadata = { title: "Accounts" };

// GET /operator — the provider's view of all customer accounts.
export default async function OperatorHome({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const operator = await requirePageOperator();
  const { q = "" } = await searchParams;
  const query = typeof q === "string" ? q.slice(0, 100) : "";
  const rows = await listAccountsForOperator(operator, query);
  return (
    <>
      <PageHeader title="Accounts" description="Customer accounts of the provider. Open one to post invoices, record payments or upgrade it." />
      <form className="mb-4 flex max-w-md gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          Search accounts
        </label>
        <input id="q" name="q" type="search" defaultValue={query} placeholder="Name, slug or user email" className={inputClasses} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <Card>
        <DataTable caption="Accounts">
          <thead>
            <tr>
              <Th>Account</Th>
              <Th>Slug</Th>
              <Th>Generation</Th>
              <Th numeric>Users</Th>
              <Th numeric>Invoices</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((a) => (
              <tr key={a.id}>
                <Td>
                  <Link href={`/operator/accounts/${a.id}`} className="font-medium text-brand-700 underline">
                    {a.name}
                  </Link>
                </Td>
                <Td>
                  <code>{a.slug}</code>
                </Td>
                <Td>{a.invoiceGeneration === 4 && a.upgradedAt ? `4 (since ${formatUtc(a.upgradedAt)})` : "3"}</Td>
                <Td numeric>{a.users}</Td>
                <Td numeric>{a.invoices}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {rows.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No account matches “{query}”.</p> : null}
      </Card>
    </>
  );
}
