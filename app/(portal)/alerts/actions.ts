"use server";

import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/access/viewer";
import { isAppError } from "@/lib/errors";
import { markAlertRead, markAllAlertsRead } from "@/lib/notifications/alerts";
import { asFormData } from "@/lib/forms/form-data";

// Server actions for the bell and /alerts: they work as plain form posts too, and Next.js checks
// that they come from this site. Each acts only on the signed-in user's own alerts.
export async function markAllAlertsReadAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await markAllAlertsRead(viewer);
  revalidatePath("/", "layout");
}

export async function markAlertReadAction(formData: FormData): Promise<void> {
  formData = asFormData(formData);
  const viewer = await getViewer();
  if (!viewer) return;
  // Another user's alert, or a stale or forged id, marks nothing; the page just reloads.
  await markAlertRead(viewer, String(formData.get("alertId") ?? "")).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== "not_found") throw error;
  });
  revalidatePath("/", "layout");
}
