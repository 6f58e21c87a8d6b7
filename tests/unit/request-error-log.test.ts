// Issue 15 item 6: an error a page or route threw is logged with the digest the user sees and the
// request's id, and without the query string or a link's token.
import { afterEach, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { logRequestError } from "@/lib/server/request-error-log";

afterEach(() => vi.restoreAllMocks());

it("logs the digest, the request id and the route, never the query string or a reset token", () => {
  const logged = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
  const error = Object.assign(new Error("relation does not exist"), { digest: "2417693854" });
  logRequestError(error, { path: "/reset-password/s3cr3t-token?next=%2Faccount", method: "POST", headers: { "x-request-id": "req-42", cookie: "next-auth.session-token=abc" } }, {
    routerKind: "App Router",
    routePath: "/reset-password/[token]",
    routeType: "action",
    renderSource: undefined,
    revalidateReason: undefined,
  } as never);
  expect(logged).toHaveBeenCalledOnce();
  const [fields, message] = logged.mock.calls[0] as unknown as [Record<string, unknown>, string];
  expect(message).toBe("request error");
  expect(fields).toMatchObject({
    digest: "2417693854",
    requestId: "req-42",
    method: "POST",
    route: "/reset-password/[token]",
    path: "/reset-password/[token]",
    routeType: "action",
  });
  expect(fields.err).toMatchObject({ name: "Error", message: "relation does not exist" });
  expect(JSON.stringify(fields)).not.toMatch(/s3cr3t|session-token|next=/);
});
