// GET /alerts/<id>/open — what an alert links to (bell and /alerts): marks the alert read, then goes
// where it points. A link, not a form, so it works without JavaScript and opens in a new tab too;
// marking one's own alert read is harmless and the id is an unguessable UUID.
import { getViewer } from "@/lib/access/viewer";
import { isAppError } from "@/lib/errors";
import { markAlertRead } from "@/lib/notifications/alerts";

function seeOther(location: string) {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return seeOther("/sign-in");
  // Someone else's, stale or malformed alert id: nothing is marked, and the alert list opens instead.
  const href = await markAlertRead(viewer, (await params).id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  });
  return seeOther(href ?? "/alerts");
}
