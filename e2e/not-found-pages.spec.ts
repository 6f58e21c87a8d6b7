import { expect, test } from "./support/fixtures";
import { expectAccessible, signIn } from "./support/session";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

test("an unknown address shows the branded not-found page with a way home, and the favicon is served", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  for (const icon of ["/favicon.ico", "/icon.svg"]) expect((await page.request.get(icon)).status()).toBe(200);
});

test("a missing record inside the portal and the console keeps the frame and links to the group's home", async ({ page, browser }) => {
  await signIn(page, "admin@acme.example");
  expect((await page.goto(`/account/users/${MISSING_ID}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back to the portal" }).click();
  await expect(page).toHaveURL(/\/account\/invoices/);

  const operator = await browser.newPage();
  await signIn(operator, "ops@northwind.example");
  expect((await operator.goto(`/operator/accounts/${MISSING_ID}`))?.status()).toBe(404);
  await expect(operator.getByRole("heading", { name: "Not found" })).toBeVisible();
  await operator.getByRole("link", { name: "Back to the accounts" }).click();
  await expect(operator).toHaveURL(/\/operator$/);
  await operator.close();
});
