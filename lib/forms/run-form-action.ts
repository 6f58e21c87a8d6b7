import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Operator, Viewer } from "@/lib/access/load-viewer";
import { requirePageOperator } from "@/lib/access/page-guards";
import { isPermission, PERMISSION_INFO } from "@/lib/access/permissions";
import { getViewer } from "@/lib/access/viewer";
import { auditRefusal } from "@/lib/audit/access-denied";
import { requestOrigin } from "@/lib/audit/request-origin";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { isAppError } from "@/lib/errors";
import { errorFields, logger } from "@/lib/log";
import { currentRequestContext } from "@/lib/server/request-context";
import { fieldErrorsOf } from "@/lib/validation";
import { CONFIRMATION_REQUIRED, type FormState } from "./form-state";

const SESSION_ENDED = "Your session has ended. Sign in again.";

function isViewer(caller: unknown): caller is Viewer {
  return typeof caller === "object" && caller !== null && (caller as Viewer).kind === "customer";
}

// The page a form was posted from (a server action has no URL of its own), for the audit log.
async function formPage(): Promise<string | null> {
  const referer = (await headers()).get("referer");
  try {
    return referer ? new URL(referer).pathname : null;
  } catch {
    return null;
  }
}

// The one server-action pipeline: resolve the caller, run the lib/ call, and turn an AppError
// (or anything unexpected) into form state. Authorization is not done here: the lib/ function
// called checks the permission itself. `values` are echoed back on error so the form keeps what
// was typed; callers leave secrets out. Next's redirect()/notFound() pass through.
async function runForm<Caller>(
  resolveCaller: () => Promise<Caller | null>,
  values: Record<string, string>,
  act: (caller: Caller, origin: RequestOrigin) => Promise<FormState>,
): Promise<FormState> {
  let caller: Caller | null = null;
  try {
    caller = await resolveCaller();
    if (!caller) return { status: "error", message: SESSION_ENDED, values };
    return await act(caller, await requestOrigin());
  } catch (error) {
    unstable_rethrow(error);
    if (isViewer(caller)) await auditRefusal(caller, error, { route: await formPage(), origin: await requestOrigin() });
    return formStateFromError(error, values);
  }
}

// Portal forms: the signed-in customer.
export function runFormAction(values: Record<string, string>, act: (viewer: Viewer, origin: RequestOrigin) => Promise<FormState>): Promise<FormState> {
  return runForm(getViewer, values, act);
}

// Operator console forms: no session goes to sign-in and a customer gets the 404 page, as for
// the console's pages; the lib/ functions check the operator role again.
export function runOperatorFormAction(values: Record<string, string>, act: (operator: Operator, origin: RequestOrigin) => Promise<FormState>): Promise<FormState> {
  return runForm(requirePageOperator, values, act);
}

// Public forms (the invitation link, whose token is the credential checked in lib/).
export function runPublicFormAction(values: Record<string, string>, act: (origin: RequestOrigin) => Promise<FormState>): Promise<FormState> {
  return runForm(
    async () => true,
    values,
    (_caller, origin) => act(origin),
  );
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
  // The reference the user sees is the digest on the logged error, so support can find it.
  const digest = randomUUID().slice(0, 8);
  logger().error({ digest, requestId: currentRequestContext()?.requestId, err: errorFields(error) }, "form action error");
  return { status: "error", message: `Something went wrong. Please try again. Reference: ${digest}.`, values };
}
