import { AlertBell } from "@/components/notifications/alert-bell";
import { AppFrame } from "@/components/shell/app-frame";
import { SideNav } from "@/components/shell/side-nav";
import { TopBar } from "@/components/shell/top-bar";
import { requirePageViewer } from "@/lib/access/page-guards";
import { providerName } from "@/lib/env";
import { loadAlertBell } from "@/lib/notifications/alert-bell";
import { homeFor, visibleNav } from "@/lib/navigation";
import { signOutAction } from "../(auth)/sign-in/actions";
import { markAllAlertsReadAction } from "./alerts/actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  const { unread, recent } = await loadAlertBell(viewer, 8);
  return (
    <AppFrame
      topBar={
        <TopBar
          provider={providerName()}
          accountName={viewer.account.name}
          homeHref={homeFor(viewer.permissions)}
          user={{ name: viewer.name, email: viewer.email }}
          settingsHref="/settings"
          signOut={signOutAction}
        >
          <AlertBell unread={unread} recent={recent} account={viewer.account} markAllRead={markAllAlertsReadAction} />
        </TopBar>
      }
      nav={<SideNav groups={visibleNav(viewer.permissions)} />}
    >
      {children}
    </AppFrame>
  );
}
