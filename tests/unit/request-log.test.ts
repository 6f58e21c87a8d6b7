// Issue 15 item 6: the request id and the route as the request log line carries them.
import { afterEach, describe, expect, it } from "vitest";
import { requestIdFor, routeForLog } from "@/lib/server/request-log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const saved = process.env.TRUSTED_PROXY_COUNT;

afterEach(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXY_COUNT;
  else process.env.TRUSTED_PROXY_COUNT = saved;
});

describe("requestIdFor", () => {
  it("ignores X-Request-Id without a trusted proxy (the client wrote it) and makes a UUID", () => {
    delete process.env.TRUSTED_PROXY_COUNT;
    expect(requestIdFor("abc-123")).toMatch(UUID);
    expect(requestIdFor(undefined)).toMatch(UUID);
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });

  it("keeps the id a trusted proxy set", () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    expect(requestIdFor("5f0c2a9e-proxy.1")).toBe("5f0c2a9e-proxy.1");
    expect(requestIdFor(["first", "second"])).toBe("first");
  });

  it("replaces an id that could forge or flood a log line, even from a trusted proxy", () => {
    process.env.TRUSTED_PROXY_COUNT = "1";
    expect(requestIdFor('x"\n{"level":"fatal"}')).toMatch(UUID);
    expect(requestIdFor("a b")).toMatch(UUID);
    expect(requestIdFor("x".repeat(129))).toMatch(UUID);
    expect(requestIdFor("")).toMatch(UUID);
  });
});

describe("routeForLog", () => {
  it("drops the query string (filters, export parameters)", () => {
    expect(routeForLog("/account/invoices/export?tab=open&scope=all&q=secret")).toBe("/account/invoices/export");
    expect(routeForLog(undefined)).toBe("/");
  });

  it("hides the token of a password-reset or invitation link", () => {
    expect(routeForLog("/reset-password/3q2+7w8-token?x=1")).toBe("/reset-password/[token]");
    expect(routeForLog("/invite/abcdef0123/accept")).toBe("/invite/[token]/accept");
    expect(routeForLog("/account/invoices/42")).toBe("/account/invoices/42");
  });
});
