import { expect, test, type Page } from "./support/fixtures";
import { NOTIFY_SPEC } from "./support/fixture-accounts";
import { expectAccessible, pageAs, resumeSession } from "./support/session";

// These steps build on each other (preferences → sweep → outbox → mailbox), in the spec's own
// account (e2e/support/fixture-accounts.ts). Each walks several pages as several users, hence the longer timeout.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const CRON = { authorization: "Bearer e2e-cron-secret" };
const { admin, billing, member, viewer } = NOTIFY_SPEC;

async function unreadCount(page: Page): Promise<number> {
  const label = await page.getByRole("button", { name: /^Alerts, / }).getAttribute("aria-label");
  const match = /^Alerts, (\d+|none) unread$/.exec(label ?? "");
  expect(match, `bell label "${label}"`).not.toBeNull();
  return match![1] === "none" ? 0 : Number(match![1]);
}

test("a user reaches the preferences from the menu, flips both switches, saves, and they are kept", async ({ page }) => {
  await resumeSession(page, billing.email);
  await page.goto("/");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("link", { name: /Notification Preferences/ }).click();
  await expect(page.getByRole("heading", { name: "Notification Preferences", level: 1 })).toBeVisible();

  const alert = page.getByRole("switch", { name: "Alert", exact: true });
  const email = page.getByRole("switch", { name: "Email", exact: true });
  await expect(alert).toBeChecked();
  await expect(email).not.toBeChecked();
  await expectAccessible(page);

  await email.click();
  await alert.click();
  await page.getByRole("button", { name: "Update Notification Preference" }).click();
  await expect(page.getByText("Notification preferences updated.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("switch", { name: "Alert", exact: true })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Email", exact: true })).toBeChecked();

  // Back to Alert on, so this user keeps a bell.
  await page.getByRole("switch", { name: "Alert", exact: true }).click();
  await page.getByRole("button", { name: "Update Notification Preference" }).click();
  await expect(page.getByText("Notification preferences updated.")).toBeVisible();
});

test("the preferences page works without JavaScript", async ({ browser }) => {
  const signedIn = await pageAs(browser, member.email);
  const state = await signedIn.context().storageState();
  await signedIn.context().close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const page = await context.newPage();
  await page.goto("/settings/notifications");
  await page.getByRole("switch", { name: "Email", exact: true }).check();
  await page.getByRole("button", { name: "Update Notification Preference" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications\?saved=me$/);
  await expect(page.getByText("Notification preferences updated.")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Email", exact: true })).toBeChecked();
  await context.close();
});

test("an administrator changes another user's preference; that user sees who changed it", async ({ page, browser, baseURL }) => {
  await resumeSession(page, admin.email);
  await page.goto("/settings/notifications");
  const people = page.getByRole("region", { name: `People in ${NOTIFY_SPEC.name}` });
  await people.getByRole("switch", { name: `Email for ${viewer.name}` }).check();
  await people.getByRole("button", { name: `Update notification preference for ${viewer.name}` }).click();
  await expect(people.getByText("Notification preferences updated.")).toBeVisible();
  await expect(people.getByText(new RegExp(`Last changed by ${admin.name}`))).toBeVisible();

  // A user id outside the account is a 404; a cross-site request is refused.
  const foreign = await page.request.put("/api/notification-preferences", {
    headers: { origin: baseURL! },
    data: { userId: "00000000-0000-4000-8000-000000000000", alert: true, email: true },
  });
  expect(foreign.status()).toBe(404);
  const crossSite = await page.request.put("/api/notification-preferences", { headers: { origin: "https://evil.example" }, data: { alert: false, email: false } });
  expect(crossSite.status()).toBe(403);

  const viewerPage = await pageAs(browser, viewer.email);
  await viewerPage.goto("/settings/notifications");
  await expect(viewerPage.getByRole("switch", { name: "Email", exact: true })).toBeChecked();
  await expect(viewerPage.getByText(new RegExp(`Last changed by ${admin.name}`))).toBeVisible();
  await viewerPage.context().close();
});

test("the bell count rises when reminders come due; the panel lists them and marks all read", async ({ page, request }) => {
  await resumeSession(page, viewer.email);
  await page.goto("/");
  const before = await unreadCount(page);
  expect(before).toBeGreaterThan(0);

  expect((await request.post("/api/cron/reminders", { headers: { authorization: "Bearer wrong" } })).status()).toBe(401);
  const sweep = await request.post("/api/cron/reminders", { headers: CRON });
  expect(sweep.status()).toBe(200);
  expect((await sweep.json()).notifications).toBeGreaterThan(0);

  await page.reload();
  const after = await unreadCount(page);
  expect(after).toBeGreaterThan(before);

  await page.getByRole("button", { name: /^Alerts, / }).click();
  const panel = page.getByRole("region", { name: "Alerts" });
  // .first(): the newest, today's; the demo's earlier daily sweeps left an older 10-day alert too.
  await expect(panel.getByRole("link", { name: /is 10 days past due/ }).first()).toBeVisible();
  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Alerts, none unread" })).toBeVisible();

  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no unread alerts.")).toBeVisible();
  await expect(page.getByRole("link", { name: /is 30 days past due/ }).first()).toBeVisible();
  await expectAccessible(page);
});

test("the development mailbox shows the reminder email with its HTML and text", async ({ page, request }) => {
  const outbox = await request.post("/api/cron/outbox", { headers: CRON });
  expect(outbox.status()).toBe(200);
  expect((await outbox.json()).sent).toBeGreaterThan(0);

  await resumeSession(page, viewer.email);
  await page.goto("/dev/mailbox");
  const email = page.getByRole("link", { name: new RegExp(`billing reminders for ${NOTIFY_SPEC.name}`) }).first();
  await expect(email).toContainText(`To ${viewer.email}`);
  await email.click();
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`billing reminders for ${NOTIFY_SPEC.name}`) })).toBeVisible();
  const html = page.frameLocator("iframe[title^='HTML version']");
  await expect(html.getByRole("heading", { level: 1 })).toContainText(`billing reminders for ${NOTIFY_SPEC.name}`);
  await expect(page.locator("pre")).toContainText("Why you got this");
  await expect(page.locator("pre")).toContainText("/settings/notifications");
});
