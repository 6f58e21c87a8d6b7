"use server";

import { revalidatePath } from "next/cache";
import { getCurrentSession } from "@/lib/access/viewer";
import { signOutOtherSessions } from "@/lib/auth/account-sessions";
import { setSessionCookies } from "@/lib/auth/browser-session";
import { changePassword } from "@/lib/auth/change-password";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";

// POST Settings > Security: change password (current one required). Every session is revoked and
// this browser continues on a new one.
export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runFormAction({}, async (viewer, origin) => {
    const session = await changePassword(
      viewer,
      { currentPassword: form.get("currentPassword"), password: form.get("password"), confirm: form.get("confirm") },
      { ip: origin.ip ?? "unknown", userAgent: origin.userAgent ?? null },
      new Date(),
    );
    await setSessionCookies(session);
    revalidatePath("/settings/security");
    return { status: "ok", message: "Your password is changed. Every other session has been signed out." };
  });
}

// POST Settings > Security: "Sign out other sessions" keeps only this browser's session.
export async function signOutOtherSessionsAction(): Promise<FormState> {
  return runFormAction({}, async (viewer, origin) => {
    const current = await getCurrentSession();
    if (!current) return { status: "error", message: "Your session has ended. Sign in again." };
    const count = await signOutOtherSessions(viewer, current.sessionId, origin, new Date());
    revalidatePath("/settings/security");
    return { status: "ok", message: count === 1 ? "1 other session is signed out." : `${count} other sessions are signed out.` };
  });
}
