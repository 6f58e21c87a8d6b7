import { expect, test, type Page } from "./support/fixtures";
import { DEMO_PASSWORD, signIn, signOut } from "./support/session";

// Issue 12 (authentication, sessions, headers) and issue 13 items 1 and 4, in the browser.

async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name.endsWith("next-auth.session-token"));
}

test("every response carries the security headers, with a fresh script nonce and no inline scripts allowed", async ({ page, request, cspViolations }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const api = await request.get("/api/auth/csrf");
  for (const response of [first, second, api]) {
    const h = response.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    // Served over plain HTTP here: no HSTS (it is sent when the request came over HTTPS).
    expect(h["strict-transport-security"]).toBeUndefined();
  }
  const scriptSrc = (csp: string) => csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1];
  const csp1 = first.headers()["content-security-policy"];
  expect(scriptSrc(csp1)).not.toContain("unsafe-inline");
  expect(nonceOf(csp1)).not.toBe(nonceOf(second.headers()["content-security-policy"]));
  // Next put this response's nonce on its own scripts.
  expect(await first.text()).toContain(`nonce="${nonceOf(csp1)}"`);

  // A page of the portal cannot be framed, even by a same-site page.
  await signIn(page, "admin@acme.example");
  const framed = await page.evaluate(async () => {
    const frame = document.createElement("iframe");
    frame.src = "/account/users";
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 1500));
    try {
      return frame.contentDocument?.querySelector("h1")?.textContent ?? null;
    } catch {
      return null;
    }
  });
  expect(framed).toBeNull();
  // Blocked by frame-ancestors, as the browser reports; the one violation this test expects.
  await expect.poll(() => cspViolations.some((v) => v.includes("frame-ancestors 'none'"))).toBe(true);
  cspViolations.length = 0;
});

test("sign-in never follows a callbackUrl off the site", async ({ page }) => {
  for (const hostile of ["/\\evil.example", "%2F%5Cevil.example", "//evil.example", "https://evil.example/", "/%09/evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(hostile)}`);
    await page.getByLabel("Email").fill("billing@acme.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/sign-in/);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    // Signed in, the sign-in page's own redirect stays on the site too.
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(hostile)}`, { maxRedirects: 0 });
    expect(new URL(response.headers()["location"], page.url()).host).toBe(new URL(page.url()).host);
  }
});

test("sign-in works without JavaScript: a POST with the same messages, never the password in a URL", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("viewer@acme.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password don't match an active account.");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/invoices/);
  expect(urls.filter((u) => u.includes("password") || u.includes("not-the-password") || u.includes(DEMO_PASSWORD))).toEqual([]);
  // Sign out without JavaScript too: the menu is a disclosure only with JS, so post the form directly.
  await context.close();
});

test("after sign-out a saved copy of the session cookie opens nothing and is not re-issued", async ({ page, browser }) => {
  await signIn(page, "viewer@acme.example");
  const saved = (await sessionCookie(page))!;
  expect(saved).toBeDefined();
  await signOut(page);

  const replay = await browser.newContext();
  await replay.addCookies([saved]);
  const other = await replay.newPage();
  await other.goto("/account/invoices");
  await expect(other).toHaveURL(/\/sign-in/);
  const session = await replay.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
  expect(session.headers()["set-cookie"] ?? "").not.toMatch(/session-token=ey/);
  await replay.close();
});

test("the real next-auth endpoint signs in the demo users: csrf, then POST /api/auth/callback/credentials", async ({ request }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "billing@acme.example", password: DEMO_PASSWORD, callbackUrl: "/account/invoices", json: "true" },
  });
  expect(response.status()).toBeLessThan(400);
  expect((await (await request.get("/api/auth/session")).json()).user.id).toMatch(/^[0-9a-f-]{36}$/);
  expect((await request.get("/account/invoices", { maxRedirects: 0 })).status()).toBe(200);
  // next-auth's sign-out revokes the row as well.
  const { csrfToken: again } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/signout", { form: { csrfToken: again, json: "true" } });
  expect((await request.get("/account/invoices", { maxRedirects: 0 })).status()).toBe(307);
});

test("a tampered next-auth callback-url cookie is ignored and cleared, never a 500", async ({ page }) => {
  await signIn(page, "billing@acme.example");
  const origin = new URL(page.url()).origin;
  for (const value of ["http%3A%2F%2Flocalhost%3A3000%3BSELECT%20PG_SLEEP(5)--", "http://localhost:3000'||(SELECT 1)||'", "%E0%A4%A"]) {
    for (const path of ["/account/invoices", "/api/auth/session", "/api/auth/csrf", "/api/auth/signin?callbackUrl=http%3A%2F%2Fx%3Bselect"]) {
      const response = await page.request.get(path, { headers: { cookie: `next-auth.callback-url=${value}` }, maxRedirects: 0 });
      expect(response.status(), `${path} with ${value}`).toBeLessThan(500);
    }
  }
  // An unusable callbackUrl parameter: the same address without it, on the host the client used.
  const hostile = await page.request.get("/api/auth/signin?callbackUrl=http%3A%2F%2Fx%3Bselect", { maxRedirects: 0 });
  expect(hostile.status()).toBe(307);
  expect(hostile.headers()["location"]).toBe("/api/auth/signin");
  await page.context().addCookies([{ name: "next-auth.callback-url", value: "http%3A%2F%2Flocalhost%3A3000%3BSELECT%20PG_SLEEP(5)--", url: origin }]);
  await page.goto("/account/invoices");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === "next-auth.callback-url")).toBeUndefined();
});

test("a throttled sign-in says how long to wait", async ({ page }) => {
  await page.goto("/sign-in");
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Email").fill("throttle-probe@acme.example");
    await page.getByLabel("Password").fill(`guess-${i}`);
    // Each attempt's answer arrives before the next is sent.
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(page.locator("form").getByRole("alert")).toHaveText(/Too many sign-in attempts\. Wait \d+ minutes? and try again\./);
});

test("the proxy sends a user to the missing-permission page from the live roles", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  for (const path of ["/account/payment-methods", "/account/users", "/account/roles", "/account/audit-log"]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"]).toMatch(/\/missing-permission\?permission=/);
  }
});

test("Settings > Security lists sessions and signs out the others; Forgot password resets by email and revokes every session", async ({ page, browser }) => {
  // admin@initech.example: no later spec signs in as this user.
  const email = "admin@initech.example";
  const newPassword = "correct horse battery staple";
  await signIn(page, email);
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signIn(secondPage, email);

  await page.goto("/settings/security");
  const list = page.getByRole("list", { name: "Active sessions" });
  expect(await list.getByRole("listitem").count()).toBeGreaterThanOrEqual(2);
  await expect(list.getByText("This device")).toHaveCount(1);
  await page.getByRole("button", { name: "Sign out other sessions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "signed out" })).toHaveText(/^\d+ other sessions? (is|are) signed out\.$/);
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await secondPage.goto("/account/invoices");
  await expect(secondPage).toHaveURL(/\/sign-in/);

  // The same answer for an unknown address and a real one.
  await secondPage.goto("/forgot-password");
  await secondPage.getByLabel("Email").fill("nobody-here@initech.example");
  await secondPage.getByRole("button", { name: "Send reset link" }).click();
  const unknownAnswer = await secondPage.getByRole("status").textContent();
  await secondPage.goto("/forgot-password");
  await secondPage.getByLabel("Email").fill(email);
  await secondPage.getByRole("button", { name: "Send reset link" }).click();
  await expect(secondPage.getByRole("status")).toHaveText(unknownAnswer!);

  // The link arrives through the outbox (the dev mailbox, as an operator sees it).
  const ops = await browser.newContext();
  const opsPage = await ops.newPage();
  await signIn(opsPage, "ops@northwind.example");
  await opsPage.goto("/dev/mailbox");
  await opsPage
    .getByRole("link", { name: /Reset your billing portal password/ })
    .first()
    .click();
  const link = /https?:\/\/[^\s"<]+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(await opsPage.content())![0];
  expect(new URL(link).origin).toBe(new URL(page.url()).origin);
  await ops.close();

  await secondPage.goto(link);
  await secondPage.getByLabel("New password", { exact: true }).fill(newPassword);
  await secondPage.getByLabel("Repeat the password").fill(newPassword);
  await secondPage.getByRole("button", { name: "Set new password" }).click();
  await expect(secondPage.getByRole("status")).toContainText("Your password is changed");
  // One-time: the link is spent.
  await secondPage.goto(link);
  await expect(secondPage.getByText("expired or has already been used")).toBeVisible();
  // Every session was revoked, including the first browser's.
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(secondPage, email, newPassword);
  await second.close();
});
