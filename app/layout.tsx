import type { Metadata } from "next";
import "./globals.css";
import { providerName } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: `Billing · ${providerName()}`, template: `%s · ${providerName()} Billing` },
  description: "Invoices, payments and billing notifications",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
