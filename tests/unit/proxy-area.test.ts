import { describe, expect, it } from "vitest";
import { ROUTE_REQUIREMENTS } from "@/lib/access/route-permissions";
import { proxyArea } from "@/lib/metrics/proxy-area";

// The proxy's metrics label (lib/metrics/proxy-area.ts): a small fixed set whatever paths clients
// send, so a scanner probing random URLs cannot grow the metrics page.
describe("proxyArea", () => {
  it("labels a request by the permission prefix it falls under, never by its ids", () => {
    expect(proxyArea("/account/invoices/0b8f6a56-6a0e-4d55-9a43-54c4f1c2b1d1/pdf")).toBe("/account/invoices");
    expect(proxyArea("/account/users/123")).toBe("/account/users");
    expect(proxyArea("/operator/accounts/acme")).toBe("/operator");
    expect(proxyArea("/")).toBe("/");
  });

  it("puts route handlers under /api and everything else under public", () => {
    expect(proxyArea("/api/v1/invoices")).toBe("/api");
    expect(proxyArea("/api/health")).toBe("/api");
    expect(proxyArea("/sign-in")).toBe("public");
    expect(proxyArea("/wp-login.php")).toBe("public");
    expect(proxyArea("/apixyz")).toBe("public");
  });

  it("has at most one label per permission prefix, plus /, /api and public", () => {
    const paths = ["/", "/api/x", "/nowhere", ...ROUTE_REQUIREMENTS.flatMap(([prefix]) => [prefix, `${prefix}/x/y`, `${prefix}-other`])];
    const labels = new Set(paths.map(proxyArea));
    expect(labels.size).toBeLessThanOrEqual(ROUTE_REQUIREMENTS.length + 3);
  });
});
