// PUT /api/notification-preferences — save Billing notification preferences (JSON, R-N3).
// POST /api/notification-preferences — the same from the page's plain HTML form, without JavaScript.
import { getViewer } from "@/lib/access/viewer";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { AppError, errorResponse, isAppError } from "@/lib/errors";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { notificationPreferencesFormSchema, notificationPreferencesSchema } from "@/lib/notifications/preferences-schema";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";

const PAGE = "/settings/notifications";

function originOf(request: Request) {
  return { ip: clientIpFrom(request.headers.get("x-forwarded-for"), request.headers.get("x-real-ip")), userAgent: request.headers.get("user-agent") };
}

async function requireViewer(request: Request) {
  if (!isSameOriginRequest(request)) throw new AppError("forbidden", "Cross-site requests are not accepted");
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  return viewer;
}

export async function PUT(request: Request) {
  try {
    const viewer = await requireViewer(request);
    const body = await request.json().catch(() => {
      throw new AppError("invalid", "The body must be JSON");
    });
    const parsed = notificationPreferencesSchema.safeParse(body);
    if (!parsed.success) throw new AppError("invalid", "Alert and Email must each be true or false", parsed.error.issues);
    const saved = await updateNotificationPreferences(viewer, parsed.data, originOf(request));
    return Response.json({ ok: true, preferences: saved });
  } catch (error) {
    return errorResponse(error);
  }
}

// Answers a form post with a redirect back to the page, which shows the confirmation or the error.
export async function POST(request: Request) {
  const back = (query: string) => Response.redirect(new URL(`${PAGE}?${query}`, request.url), 303);
  try {
    const viewer = await requireViewer(request);
    const parsed = notificationPreferencesFormSchema.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) return back("error=invalid");
    const saved = await updateNotificationPreferences(viewer, parsed.data, originOf(request));
    return back(`saved=${saved.userId === viewer.userId ? "me" : saved.userId}`);
  } catch (error) {
    if (isAppError(error) && error.code === "unauthenticated") return Response.redirect(new URL(`/sign-in?callbackUrl=${PAGE}`, request.url), 303);
    if (isAppError(error) && error.code === "invalid") return back("error=invalid");
    return errorResponse(error);
  }
}
