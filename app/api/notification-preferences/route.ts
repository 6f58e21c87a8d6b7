// PUT /api/notification-preferences — save Billing notification preferences (JSON, R-N3).
// POST /api/notification-preferences — the same from the page's plain HTML form, without JavaScript.
import { isAppError } from "@/lib/errors";
import { withViewer } from "@/lib/http/route";
import { notificationPreferencesFormSchema, notificationPreferencesSchema } from "@/lib/notifications/preferences-schema";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { parseInput } from "@/lib/validation";

const PAGE = "/settings/notifications";

export const PUT = withViewer(
  async ({ viewer, origin, body }) => {
    const input = await body.json(notificationPreferencesSchema, "Alert and Email must each be true or false");
    const saved = await updateNotificationPreferences(viewer, input, origin);
    return Response.json({ ok: true, preferences: saved });
  },
  { sameOrigin: true },
);

const backToPage = (request: Request, query: string) => Response.redirect(new URL(`${PAGE}?${query}`, request.url), 303);

// Answers a form post with a redirect back to the page, which shows the confirmation or the error.
export const POST = withViewer(
  async ({ request, viewer, origin, body }) => {
    const input = parseInput(notificationPreferencesFormSchema, await body.form());
    const saved = await updateNotificationPreferences(viewer, input, origin);
    return backToPage(request, `saved=${saved.userId === viewer.userId ? "me" : saved.userId}`);
  },
  {
    sameOrigin: true,
    onError: (error, request) => {
      if (isAppError(error) && error.code === "unauthenticated") return Response.redirect(new URL(`/sign-in?callbackUrl=${PAGE}`, request.url), 303);
      if (isAppError(error) && error.code === "invalid") return backToPage(request, "error=invalid");
      return null;
    },
  },
);
