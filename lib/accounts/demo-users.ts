// The demo users of the foundation issue; other checks rely on these exact addresses. The seed
// (db/seed/demo.ts) creates them and the sign-in page lists them in demo mode.
export const DEMO_PASSWORD = "demo-pass-123";

export const DEMO_USERS = [
  { email: "ops@northwind.example", name: "Olivia Ops", note: "Operator (provider staff)" },
  { email: "admin@acme.example", name: "Ada Admin", note: "Acme · Account Administrator" },
  { email: "billing@acme.example", name: "Bill Manager", note: "Acme · Billing Manager" },
  { email: "viewer@acme.example", name: "Vera Viewer", note: "Acme · Billing Viewer" },
  { email: "member@acme.example", name: "Max Member", note: "Acme · Member (no permissions)" },
  { email: "admin@globex.example", name: "Greta Globex", note: "Globex · upgraded 120 days ago" },
  { email: "admin@initech.example", name: "Ian Initech", note: "Initech · Generation 3" },
  { email: "admin@umbrella.example", name: "Uma Umbrella", note: "Umbrella · no invoices yet" },
] as const;
