import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support/session";

// What a first-time user runs into (issue 13): the bell and the user menu, with and without
// JavaScript, the operator's Record a payment form, small messages, and no page that scrolls
// sideways on a 390 px phone.
test.describe.configure({ timeout: 300_000 });

async function as(browser: Browser, email: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const signedIn = await (await browser.newContext()).newPage();
  await signIn(signedIn, email);
  const storageState = await signedIn.context().storageState();
  await signedIn.context().close();
  const context = await browser.newContext({ storageState, javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 800 } });
  return context.newPage();
}

async function unread(page: Page): Promise<number> {
  const label = (await page.getByRole("button", { name: /^Alerts, / }).getAttribute("aria-label")) ?? "";
  const match = /^Alerts, (\d+|none) unread$/.exec(label);
  expect(match, label).not.toBeNull();
  return match![1] === "none" ? 0 : Number(match![1]);
}

test("clicking an alert in the bell opens its invoice, marks it read, and the badge drops by one", async ({ browser }) => {
  const page = await as(browser, "billing@acme.example");
  await page.goto("/account/invoices");
  const before = await unread(page);
  expect(before).toBeGreaterThan(0);
  await page.getByRole("button", { name: /^Alerts, / }).click();
  const panel = page.getByRole("region", { name: "Alerts" });
  const first = panel.getByRole("listitem").filter({ hasText: "Unread" }).first().getByRole("link");
  const title = (await first.textContent())!.trim();
  await first.click();
  // An invoice alert opens the invoice; a card alert the payment methods.
  await expect(page).toHaveURL(/\/account\/(invoices\/[0-9a-f-]{36}|payment-methods)$/);
  expect(await unread(page)).toBe(before - 1);
  await page.goto("/alerts");
  const item = page.getByRole("listitem").filter({ hasText: title }).first();
  await expect(item.getByText("Read", { exact: true })).toBeVisible();
  await page.context().close();
});

test("without JavaScript the user menu and the bell open, and Settings, Sign out and an alert work", async ({ browser }) => {
  const page = await as(browser, "viewer@acme.example", { javaScriptEnabled: false });
  await page.goto("/account/invoices");
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);

  const before = await unread(page);
  await page.getByRole("button", { name: /^Alerts, / }).click();
  const panel = page.getByRole("region", { name: "Alerts" });
  await expect(panel).toBeVisible();
  await panel.getByRole("link").first().click();
  await expect(page).not.toHaveURL(/\/settings$/);
  expect(await unread(page)).toBeLessThanOrEqual(before);

  await page.getByRole("button", { name: "User menu" }).click();
  // A plain form POST to the sign-out action: works without JavaScript.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/account/invoices");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
});

test("the menu and the bell close on Escape and pass axe with JavaScript", async ({ browser }) => {
  const page = await as(browser, "admin@acme.example");
  await page.goto("/alerts");
  const menu = page.getByRole("button", { name: "User menu" });
  await menu.click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(menu).toBeFocused();
  await page.context().close();
});

test("Record a payment: switching to Choose amounts starts from nothing, so it cannot over-allocate", async ({ browser }) => {
  const page = await as(browser, "ops@northwind.example");
  await page.goto("/operator");
  await page.getByRole("link", { name: "Acme Corp", exact: true }).click();
  await page.getByRole("link", { name: "Record a payment" }).click();
  await page.getByLabel("Amount (USD)").fill("5000");
  await expect(page.getByText(/^Allocated \$5,000\.00 of \$5,000\.00/)).toBeVisible();
  await page.getByLabel("Choose amounts").check();
  await expect(page.getByText(/^Allocated \$0\.00 of \$5,000\.00/)).toBeVisible();
  const inputs = page.getByLabel(/^Amount applied to /);
  for (const value of await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))) expect(value).toBe("");
  // Back and forth after a smaller amount: still nothing carried over.
  await page.getByLabel("Oldest first").check();
  await page.getByLabel("Amount (USD)").fill("10");
  await page.getByLabel("Choose amounts").check();
  await expect(page.getByText(/^Allocated \$0\.00 of \$10\.00/)).toBeVisible();
  await page.context().close();
});

test("the operator's account page pages through Acme's invoices beyond the first 50", async ({ browser }) => {
  const page = await as(browser, "ops@northwind.example");
  await page.goto("/operator");
  const acme = page.getByRole("row", { name: /Acme Corp/ });
  // The list's counts are the account's real ones (4 users or more, as other specs invite one;
  // 61 invoices or more), not 0.
  const counts = (await acme.getByRole("cell").allTextContents()).filter((c) => /^\d+$/.test(c.trim())).map(Number);
  expect(counts).toHaveLength(2);
  expect(counts[0]).toBeGreaterThanOrEqual(4);
  expect(counts[1]).toBeGreaterThanOrEqual(61);
  await acme.getByRole("link", { name: "Acme Corp", exact: true }).click();
  const invoices = page.getByRole("table", { name: "Invoices" }).getByRole("row");
  await expect(invoices).toHaveCount(51);
  await page.getByRole("link", { name: "Older invoices →" }).click();
  expect(await invoices.count()).toBeGreaterThan(1);
  await page.getByRole("link", { name: "← Newer invoices" }).click();
  await expect(invoices).toHaveCount(51);
  await page.context().close();
});

test("a Billing Viewer sent to ?tab=payments is told why Open Invoices shows", async ({ browser }) => {
  const page = await as(browser, "viewer@acme.example");
  await page.goto("/account/invoices?tab=payments");
  await expect(page.getByText(/Recent Payments needs the Read Payment Information permission/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Open Invoices/ })).toHaveAttribute("aria-current", "page");
  await page.context().close();
});

test("Umbrella's Payments tab shows the same empty state as its invoice tabs", async ({ browser }) => {
  const page = await as(browser, "admin@umbrella.example");
  await page.goto("/account/invoices?tab=payments");
  await expect(page.getByText("No invoices yet: invoices appear here once Northwind Cloud posts your first bill.")).toBeVisible();
  await expect(page.getByRole("search", { name: "Filter" })).toHaveCount(0);
  await page.context().close();
});

test("'Ticket sent' shows right after sending and not on a later visit", async ({ browser }) => {
  const page = await as(browser, "admin@umbrella.example");
  await page.goto("/support/tickets/new");
  await page.getByLabel("Category").selectOption({ label: "Billing question" });
  await page.getByLabel("Subject").fill("First-run banner check");
  await page.getByLabel("Description").fill("Checking the confirmation banner.");
  await page.getByRole("button", { name: "Open ticket" }).click();
  await expect(page.getByText(/^Ticket sent\./)).toBeVisible();
  await expect(page).not.toHaveURL(/created=/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "First-run banner check" })).toBeVisible();
  await expect(page.getByText(/^Ticket sent\./)).toHaveCount(0);
  await page.context().close();
});

// Every page a user of each role can reach, at 390 px: the document must not be wider than the
// viewport. Pages are found by following the links on them (two levels deep, one page per route
// shape: ids become ":id"), so a new page is covered without listing it here.
const USERS = [
  "admin@acme.example",
  "billing@acme.example",
  "viewer@acme.example",
  "member@acme.example",
  "admin@globex.example",
  "admin@initech.example",
  "admin@umbrella.example",
  "ops@northwind.example",
];
const SKIP = /^\/(api|sign-in|invite)\b|\/(export|csv|pdf|open)(\/|$|\?)|\/signout/;

function routeShape(href: string): string {
  const url = new URL(href, "http://x");
  const tab = url.searchParams.get("tab");
  return url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id") + (tab ? `?tab=${tab}` : "");
}

for (const email of USERS) {
  test(`no page scrolls sideways at 390 px for ${email}`, async ({ browser }) => {
    const page = await as(browser, email, { width: 390 });
    await page.goto("/");
    const seen = new Set<string>();
    const queue: { href: string; depth: number }[] = [
      { href: new URL(page.url()).pathname, depth: 0 },
      { href: "/alerts", depth: 1 },
      { href: "/settings", depth: 1 },
      { href: "/dev/mailbox", depth: 1 },
    ];
    const wide: string[] = [];
    while (queue.length > 0 && seen.size < 40) {
      const { href, depth } = queue.shift()!;
      const shape = routeShape(href);
      if (seen.has(shape) || SKIP.test(href)) continue;
      seen.add(shape);
      const response = await page.goto(href);
      if (!response || response.status() >= 400) continue;
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
      if (widths.doc > widths.viewport) wide.push(`${href}: ${widths.doc} px`);
      if (depth >= 2) continue;
      const links = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      for (const link of links) if (!seen.has(routeShape(link))) queue.push({ href: link, depth: depth + 1 });
    }
    expect(seen.size).toBeGreaterThan(3);
    // The pages the issue measured at 456-457 px are among those visited.
    if (email === "ops@northwind.example") expect([...seen]).toEqual(expect.arrayContaining(["/operator/accounts/:id/payments/new", "/dev/mailbox"]));
    expect(wide, `pages wider than 390 px for ${email} (of ${[...seen].join(", ")})`).toEqual([]);
    await page.context().close();
  });
}
