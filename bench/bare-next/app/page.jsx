import { headers } from "next/headers";

// A dynamic page (it reads the request headers) rendering a 25-row table: the yardstick the
// portal's invoice tabs are measured against in bench/page-load.ts.
const ROWS = Array.from({ length: 25 }, (_, i) => ({
  number: `INV-${String(1000 + i)}`,
  issued: `2026-0${1 + (i % 9)}-1${i % 10}`,
  status: i % 3 === 0 ? "Paid" : "Open",
  total: `$${(1234.5 + i * 17).toFixed(2)}`,
}));

export default async function Page() {
  const agent = (await headers()).get("user-agent") ?? "";
  return (
    <main>
      <h1>Invoices</h1>
      <p>{agent.length} characters of user agent</p>
      <table>
        <thead>
          <tr>
            <th>Number</th>
            <th>Invoice date</th>
            <th>Status</th>
            <th>Total</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.number}>
              <td>
                <a href={`/invoices/${row.number}`}>{row.number}</a>
              </td>
              <td>{row.issued}</td>
              <td>{row.status}</td>
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
