// Settings read from the environment, with the defaults that make `npm run dev` work alone.
export function providerName(): string {
  return process.env.PORTAL_PROVIDER_NAME?.trim() || "Northwind Cloud";
}

// The provider's postal address as printed on invoices; `\n` in the variable separates lines.
export function providerAddress(): string {
  return (process.env.PORTAL_PROVIDER_ADDRESS?.trim() || "Northwind Cloud, Inc.\n500 Harbor Way, Suite 300\nSeattle, WA 98101\nUnited States").replace(/\\n/g, "\n");
}

// Demo mode seeds demo data and lists the demo users on the sign-in page. On by default with
// the embedded database, off by default against a real PostgreSQL server.
export function isDemoMode(): boolean {
  const flag = process.env.PORTAL_DEMO_MODE?.toLowerCase();
  if (flag === "on" || flag === "true" || flag === "1") return true;
  if (flag === "off" || flag === "false" || flag === "0") return false;
  return !process.env.DATABASE_URL;
}

export function appBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
