import "server-only";
import { errorFields, logger } from "@/lib/log";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { recordAccessDenied } from "@/lib/audit/access-denied";
import { originOf } from "@/lib/audit/request-origin";
import type { Permission } from "./permissions";
import { getIdentity, type Operator, type Viewer } from "./viewer";

// For pages: the signed-in portal user, or a redirect (sign-in; operators to their console).
export async function requirePageViewer(): Promise<Viewer> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in");
  if (identity.kind === "operator") redirect("/operator");
  return identity;
}

// For pages: the viewer if they hold `permission`, else the missing-permission page (R-I6).
export async function requirePagePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requirePageViewer();
  if (!viewer.permissions.has(permission)) {
    await recordAccessDenied(viewer, { route: null, permission }, originOf(await headers())).catch((error) =>
      logger().error({ err: errorFields(error) }, "access.denied not recorded"),
    );
    redirect(`/missing-permission?permission=${encodeURIComponent(permission)}`);
  }
  return viewer;
}

// For operator pages: customers get a 404, not a hint that the console exists.
export async function requirePageOperator(): Promise<Operator> {
  const identity = await getIdentity();
  if (!identity) redirect("/sign-in");
  if (identity.kind !== "operator") notFound();
  return identity;
}
