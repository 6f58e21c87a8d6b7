import { appBaseUrl } from "@/lib/env";

// Where notifications point. Relative paths for alerts (same site), absolute URLs for emails.
export const NOTIFICATION_LINKS = {
  invoice: (invoiceId: string) => `/account/invoices/${invoiceId}`,
  paymentMethods: () => "/account/payment-methods",
  preferences: () => "/settings/notifications",
  alerts: () => "/alerts",
  openInvoices: () => "/account/invoices?tab=open",
};

export function absoluteUrl(path: string): string {
  return `${appBaseUrl()}${path}`;
}
