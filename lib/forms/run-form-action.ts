import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { Viewer } from "@/lib/access/load-viewer";
import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";
import { getViewer } from "@/lib/access/viewer";
import { requestOrigin } from "@/lib/audit/request-origin";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { CONFIRMATION_REQUIRED, type FormState } from "./form-state";

// Runs a form's server action for the signed-in viewer and turns expected failures into form
// state. Authorization is not done here: the lib/ function called checks the permission itself.
// `values` are echoed back on error so the form keeps what was typed; callers leave secrets out.
export async function runFormAction(
  values: Record<string, string>,
  act: (viewer: Viewer, origin: RequestOrigin) => Promise<FormState>,
): Promise<FormState> {
  try {
    const viewer = await getViewer();
    if (!viewer) return { status: "error", message: "Your session has ended. Sign in again.", values };
    return await act(viewer, await requestOrigin());
  } catch (error) {
    unstable_rethrow(error);
    return formStateFromError(error, values);
  }
}

export function formStateFromError(error: unknown, values: Record<string, string>): FormState {
  if (isAppError(error)) {
    const details = error.details as { reason?: string; permission?: string } | undefined;
    const missing = details?.permission && isPermission(details.permission) ? PERMISSION_INFO[details.permission].label : null;
    return {
      status: "error",
      message:
        error.code === "forbidden"
          ? `You don't have the ${missing ?? "required"} permission.`
          : error.code === "not_found"
            ? "That item no longer exists. Reload the page and try again."
            : error.message,
      fieldErrors: fieldErrorsOf(error),
      needsConfirmation: details?.reason === CONFIRMATION_REQUIRED,
      values,
    };
  }
  console.error(error);
  return { status: "error", message: "Something went wrong. Please try again.", values };
}
