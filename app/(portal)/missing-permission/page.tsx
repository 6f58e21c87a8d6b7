import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requirePageViewer } from "@/lib/access/page-guards";
import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";
import { listAccountAdministrators } from "@/lib/accounts/list-administrators";
import { homeFor } from "@/lib/navigation";

export const metadata: Metadata = { title: "Missing permission" };

// GET /missing-permission?permission=… — names the permission and whom to ask (R-I6).
export default async function MissingPermissionPage({ searchParams }: { searchParams: Promise<{ permission?: string }> }) {
  const viewer = await requirePageViewer();
  const { permission } = await searchParams;
  const known = permission && isPermission(permission) ? permission : null;
  const label = known ? PERMISSION_INFO[known].label : "the required";
  const admins = await listAccountAdministrators(viewer);
  const alreadyHas = known ? viewer.permissions.has(known) : false;

  return (
    <Card className="max-w-2xl p-6">
      <h1 className="text-xl font-semibold">You don&apos;t have the {label} permission</h1>
      {known ? <p className="mt-2 text-sm text-slate-700">{PERMISSION_INFO[known].description}</p> : null}
      {alreadyHas ? (
        <p className="mt-4 text-sm">
          Your permissions have changed since: you can now{" "}
          <Link className="font-medium text-brand-700 underline" href={homeFor(viewer.permissions)}>
            continue
          </Link>
          .
        </p>
      ) : null}
      <h2 className="mt-6 text-sm font-semibold text-slate-900">Ask an account administrator</h2>
      {admins.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm">
          {admins.map((admin) => (
            <li key={admin.email}>
              {admin.name} —{" "}
              <a className="text-brand-700 underline" href={`mailto:${admin.email}`}>
                {admin.email}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">This account has no active administrator. Contact the provider&apos;s support.</p>
      )}
    </Card>
  );
}
