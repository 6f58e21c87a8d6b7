import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageOperator } from "@/lib/access/page-guards";
import { listAccountsForOperator } from "@/lib/operator/list-accounts";

export const metadata: Metadata = { title: "Accounts" };

// GET /operator — the provider's view of all customer accounts.
export default async function OperatorHome({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const operator = await requirePageOperator();
  const { q = "" } = await searchParams;
  const rows = await listAccountsForOperator(operator, q.slice(0, 100));
  return (
    <>
      <PageHeader title="Accounts" description="Customer accounts of the provider." />
      <form className="mb-4 flex max-w-md gap-2" role="search">
        <label htmlFor="q" className="sr-only">
          Search accounts
        </label>
        <input id="q" name="q" defaultValue={q} placeholder="Name or slug" className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        <button className="rounded-md border border-slate-300 bg-white px-3 text-sm">Search</button>
      </form>
      <Card className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">Account</th>
              <th scope="col" className="px-4 py-2 font-medium">Slug</th>
              <th scope="col" className="px-4 py-2 font-medium">Generation</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Users</th>
              <th scope="col" className="px-4 py-2 text-right font-medium">Invoices</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="px-4 py-2 font-medium">{a.name}</td>
                <td className="px-4 py-2"><code>{a.slug}</code></td>
                <td className="px-4 py-2">{a.invoiceGeneration === 4 ? `4 (since ${a.upgradedAt?.toISOString().slice(0, 10)})` : "3"}</td>
                <td className="px-4 py-2 text-right">{a.users}</td>
                <td className="px-4 py-2 text-right">{a.invoices}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No account matches “{q}”.</p> : null}
      </Card>
    </>
  );
}
