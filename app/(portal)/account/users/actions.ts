"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { disableUser, enableUser } from "@/lib/users/disable-user";
import { inviteUser, resendInvitation } from "@/lib/users/invite-user";
import { setUserRoles } from "@/lib/users/set-user-roles";
import { asFormData } from "@/lib/forms/form-data";

// Thin form actions: each lib/ function checks users.manage and the account itself.

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
const confirmed = (form: FormData) => form.get("confirm") === "yes";

export async function inviteUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const input = { name: text(form, "name"), email: text(form, "email"), roleIds: form.getAll("roleIds").map(String) };
  return runFormAction({ name: input.name, email: input.email }, async (viewer, origin) => {
    const invitation = await inviteUser(viewer, input, origin, new Date());
    revalidatePath("/account/users");
    return {
      status: "ok",
      message: `Invitation emailed to ${invitation.email}. The link works once, for 7 days.`,
      data: { inviteUrl: invitation.inviteUrl },
    };
  });
}

export async function setUserRolesAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runFormAction({}, async (viewer, origin) => {
    await setUserRoles(viewer, userId, { roleIds: form.getAll("roleIds").map(String) }, { confirmSelfLockout: confirmed(form) }, origin);
    revalidatePath("/account/users", "layout");
    return { status: "ok", message: "Roles saved. They apply from the user's next page load." };
  });
}

// One action for the Access card (disable, enable, resend invitation), so its message survives
// the card switching between those forms after the change.
export async function userAccessAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const intent = String(form.get("intent") ?? "");
  return runFormAction({}, async (viewer, origin) => {
    const done = (state: FormState) => {
      revalidatePath("/account/users", "layout");
      return state;
    };
    if (intent === "disable") {
      await disableUser(viewer, userId, { confirmSelfLockout: confirmed(form) }, origin, new Date());
      return done({ status: "ok", message: "User disabled. Their next page load signs them out." });
    }
    if (intent === "enable") {
      await enableUser(viewer, userId, origin);
      return done({ status: "ok", message: "User enabled. They can sign in again." });
    }
    if (intent === "resend") {
      const invitation = await resendInvitation(viewer, userId, origin, new Date());
      return done({ status: "ok", message: `A new invitation was emailed to ${invitation.email}. Earlier links no longer work.`, data: { inviteUrl: invitation.inviteUrl } });
    }
    return { status: "error", message: "Unknown action." };
  });
}
