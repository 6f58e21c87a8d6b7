import { expect, test } from "@playwright/test";
import { signIn } from "./support/session";

// Issue 12, item 12: a page on another site cannot start a signed-in user's download (the
// browser's Sec-Fetch-Site: cross-site), while the portal's own links keep working.
// 127.0.0.1 and localhost are different sites to the browser, so the attacker's page is served
// from the other name of the same server.

test("a link on another site to an export is refused with 403; the same link inside the portal downloads", async ({ page, baseURL }) => {
  await signIn(page, "billing@acme.example");
  const target = `${baseURL}/account/invoices/export?tab=open&scope=all`;
  const attacker = baseURL!.replace("localhost", "127.0.0.1");
  await page.route(`${attacker}/attack`, (route) => route.fulfill({ contentType: "text/html", body: `<!doctype html><title>x</title><a href="${target}">Win a prize</a>` }));
  await page.goto(`${attacker}/attack`);
  const [refused] = await Promise.all([page.waitForResponse((r) => r.url() === target), page.getByRole("link", { name: "Win a prize" }).click()]);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ status: 403, code: "forbidden" });

  await page.goto("/account/invoices?tab=open");
  await page.evaluate((href) => {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = "Same-site export";
    document.body.append(link);
  }, target);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Same-site export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
});
