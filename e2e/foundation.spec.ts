import { expect, test } from "./support/fixtures";
import { expectAccessible, pageAs, resumeSession, signIn, signOut } from "./support/session";

const NAV = ["Invoices + Payments", "Payment Methods", "Users", "Roles", "Audit Log", "Support Tickets"];

const EXPECTED_NAV: Record<string, string[]> = {
  "admin@acme.example": NAV,
  "billing@acme.example": ["Invoices + Payments", "Payment Methods", "Support Tickets"],
  "viewer@acme.example": ["Invoices + Payments", "Support Tickets"],
  "member@acme.example": [],
};

for (const [email, links] of Object.entries(EXPECTED_NAV)) {
  test(`${email} sees only the navigation their permissions allow`, async ({ page }) => {
    await resumeSession(page, email);
    await page.goto("/");
    // Signed in: with no session, the sign-in page has no navigation and every count would be 0.
    await expect(page).not.toHaveURL(/\/sign-in/);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of NAV) {
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(links.includes(label) ? 1 : 0);
    }
  });
}

test("signed-out visitors are sent to sign-in and back to where they were going", async ({ page }) => {
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Finvoices/);
  await page.getByLabel("Email").fill("billing@acme.example");
  await page.getByLabel("Password").fill("demo-pass-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account\/invoices$/);
});

test("the middleware-bypass header changes nothing", async ({ request }) => {
  for (const path of ["/account/invoices", "/account/users", "/operator"]) {
    const plain = await request.get(path, { maxRedirects: 0 });
    const forged = await request.get(path, { maxRedirects: 0, headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
    expect(forged.status()).toBe(plain.status());
    expect(forged.headers()["location"]).toBe(plain.headers()["location"]);
    expect(plain.status()).toBe(307);
  }
});

test("a wrong password gets one generic message and no session", async ({ page }) => {
  await signInFails(page, "billing@acme.example", "wrong-password");
  await signInFails(page, "nobody@acme.example", "wrong-password");
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/sign-in/);
});

async function signInFails(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "match an active account" })).toHaveText("That email and password don't match an active account.");
}

test("a member without permissions is told which permission is missing and whom to ask", async ({ page }) => {
  await resumeSession(page, "member@acme.example");
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/missing-permission\?permission=invoices\.view/);
  await expect(page.getByRole("heading", { name: "You don't have the View Invoices permission" })).toBeVisible();
  await expect(page.getByText("Ada Admin")).toBeVisible();
  await expect(page.getByRole("link", { name: "admin@acme.example" })).toBeVisible();
  await expectAccessible(page);
});

test("a billing viewer is redirected away from user management", async ({ page }) => {
  await resumeSession(page, "viewer@acme.example");
  await page.goto("/account/users");
  await expect(page).toHaveURL(/\/missing-permission\?permission=users\.manage/);
  await expect(page.getByRole("heading", { name: "You don't have the Manage Users and Roles permission" })).toBeVisible();
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, "admin@acme.example");
  await expect(page.getByText("Acme Corp")).toBeVisible();
  await signOut(page);
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the operator lands on the console and customers get a 404 there", async ({ page, browser }) => {
  await signIn(page, "ops@northwind.example");
  await expect(page).toHaveURL(/\/operator$/);
  await expect(page.getByRole("cell", { name: "Acme Corp" })).toBeVisible();

  const customer = await pageAs(browser, "admin@acme.example");
  const response = await customer.goto("/operator");
  expect(response?.status()).toBe(404);
  await customer.context().close();
});

test("the sign-in page lists the demo users in demo mode and passes axe", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Demo users" })).toBeVisible();
  await expect(page.getByText("admin@acme.example")).toBeVisible();
  await expectAccessible(page);
});

test("the portal shell passes axe", async ({ page }) => {
  await resumeSession(page, "admin@acme.example");
  await page.goto("/settings");
  await expectAccessible(page);
});
