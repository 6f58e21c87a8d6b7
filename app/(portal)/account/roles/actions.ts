"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createRole } from "@/lib/access/create-role";
import { deleteRole } from "@/lib/access/delete-role";
import { renameRole, setRolePermissions } from "@/lib/access/update-role";
import type { FormState } from "@/lib/forms/form-state";
import { runFormAction } from "@/lib/forms/run-form-action";
import { asFormData } from "@/lib/forms/form-data";

// Thin form actions: each lib/ function checks users.manage and the account itself.

const confirmed = (form: FormData) => form.get("confirm") === "yes";

export async function createRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const name = String(form.get("name") ?? "");
  return runFormAction({ name }, async (viewer, origin) => {
    await createRole(viewer, { name, permissions: form.getAll("permissions").map(String) }, origin);
    revalidatePath("/account/roles", "layout");
    return { status: "ok", message: `Role “${name.trim()}” created. Assign it to users on the Users page.` };
  });
}

export async function renameRoleAction(roleId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  const name = String(form.get("name") ?? "");
  return runFormAction({ name }, async (viewer, origin) => {
    await renameRole(viewer, roleId, { name }, origin);
    revalidatePath("/account/roles", "layout");
    return { status: "ok", message: "Role renamed.", values: { name: name.trim() } };
  });
}

export async function setRolePermissionsAction(roleId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runFormAction({}, async (viewer, origin) => {
    await setRolePermissions(viewer, roleId, { permissions: form.getAll("permissions").map(String) }, { confirmSelfLockout: confirmed(form) }, origin);
    revalidatePath("/account/roles", "layout");
    return { status: "ok", message: "Permissions saved. They apply from each holder's next page load." };
  });
}

export async function deleteRoleAction(roleId: string, _prev: FormState, form: FormData): Promise<FormState> {
  form = asFormData(form);
  return runFormAction({}, async (viewer, origin) => {
    const reassignToRoleId = String(form.get("reassignToRoleId") ?? "") || null;
    await deleteRole(viewer, roleId, { reassignToRoleId, confirmSelfLockout: confirmed(form) }, origin);
    revalidatePath("/account/roles", "layout");
    redirect("/account/roles?deleted=1");
  });
}
