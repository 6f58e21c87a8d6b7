import { AppFrame } from "@/components/shell/app-frame";
import { SideNav } from "@/components/shell/side-nav";
import { TopBar } from "@/components/shell/top-bar";
import { requirePageOperator } from "@/lib/access/page-guards";
import { providerName } from "@/lib/env";
import { signOutAction } from "../(auth)/sign-in/actions";

const OPERATOR_NAV = [
  {
    label: "Operator",
    items: [
      { href: "/operator", label: "Accounts", permission: null },
      { href: "/operator/tickets", label: "Support Tickets", permission: null },
      { href: "/operator/outbox", label: "Email Outbox", permission: null },
      { href: "/operator/api-keys", label: "API Keys", permission: null },
      { href: "/operator/access-denied", label: "Denied Access", permission: null },
    ],
  },
];

export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  const operator = await requirePageOperator();
  return (
    <AppFrame
      topBar={<TopBar provider={`${providerName()} · Operator`} accountName={null} homeHref="/operator" user={operator} settingsHref={null} signOut={signOutAction} />}
      nav={<SideNav groups={OPERATOR_NAV} />}
    >
      {children}
    </AppFrame>
  );
}
