import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { providerName } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: `Billing · ${providerName()}`, template: `%s · ${providerName()} Billing` },
  description: "Invoices, payments and billing notifications",
};

// Every page renders per request: the CSP nonce the proxy makes for each response must be on
// Next's scripts, and a prerendered page would carry none (and be blocked by the policy).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
