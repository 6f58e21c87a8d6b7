import { AlertBell } from "@/components/notifications/alert-bell";
import { AppFrame } from "@/components/shell/app-frame";
import { SideNav } from "@/components/shell/side-nav";
import { TopBar } from "@/components/shell/top-bar";
import { requirePageViewer } from "@/lib/access/page-guards";
import { providerName } from "@/lib/env";
import { homeFor, visibleNav } from "@/lib/navigation";
import { markAllAlertsReadAction } from "./alerts/actions";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requirePageViewer();
  return (
    <AppFrame
      topBar={
        <TopBar
          provider={providerName()}
          accountName={viewer.account.name}
          homeHref={homeFor(viewer.permissions)}
          user={{ name: viewer.name, email: viewer.email }}
          settingsHref="/settings"
        >
          <AlertBell viewer={viewer} markAllRead={markAllAlertsReadAction} />
        </TopBar>
      }
      nav={<SideNav groups={visibleNav(viewer.permissions)} />}
    >
      {children}
    </AppFrame>
  );
}
