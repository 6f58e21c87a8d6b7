import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { resumeSession } from "./support/session";

// Issue 15 items 5 and 7 against the production build: the probes and the API document answer
// without a session, and the metrics page sees what the proxy, the route handlers and sign-in
// recorded (Next.js bundles them separately; they must count into one registry).

const TOKEN = process.env.METRICS_TOKEN ?? "e2e-metrics-token";

function sample(page: string, series: string): number {
  const line = page.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test("health, ready and the OpenAPI document answer a client without a session; metrics need the token", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  try {
    const health = await anonymous.get("/api/health");
    expect([health.status(), await health.json()]).toEqual([200, { status: "ok" }]);
    const ready = await anonymous.get("/api/ready");
    expect([ready.status(), await ready.json()]).toEqual([200, { status: "ready" }]);
    const openapi = await anonymous.get("/api/v1/openapi.json");
    expect(openapi.status()).toBe(200);
    expect(await openapi.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/invoices": {}, "/api/v1/payments": {} } });

    const refused = await anonymous.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ status: 401, code: "unauthenticated", instance: "/api/metrics" });
  } finally {
    await anonymous.dispose();
  }
});

test("the metrics page counts a failed sign-in, an export and the requests that made them", async ({ page, baseURL }) => {
  const scraper = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
  try {
    const scrape = async () => {
      const response = await scraper.get("/api/metrics");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
      return response.text();
    };
    const before = await scrape();

    // A wrong password through the real form (an address no other spec signs in with).
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("nobody@observability.example");
    await page.getByLabel("Password").fill("not-a-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match an active account.")).toBeVisible();

    // admin@globex exports nowhere else in the suite: billing@acme's 10 exports a minute belong to export.spec.ts.
    await resumeSession(page, "admin@globex.example");
    await page.goto("/account/invoices?tab=open");
    const csv = await page.request.get("/account/invoices/export?tab=open&scope=all");
    expect(csv.status()).toBe(200);
    const bytes = (await csv.body()).byteLength;

    const after = await scrape();
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('portal_sign_in_failures_total{reason="invalid"}')).toBeGreaterThanOrEqual(1);
    expect(moved("portal_export_bytes_total")).toBeGreaterThanOrEqual(bytes);
    expect(moved('http_request_duration_seconds_count{route="/account/invoices/export",method="GET",status="200"}')).toBeGreaterThanOrEqual(1);
    // Counted by the proxy, a bundle of its own: the page and the export passed through it.
    expect(moved('portal_proxy_duration_seconds_count{area="/account/invoices"}')).toBeGreaterThanOrEqual(2);
    expect(after).toContain("# TYPE portal_outbox_pending gauge");
  } finally {
    await scraper.dispose();
  }
});
