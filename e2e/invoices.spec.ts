import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "./support/fixtures";
import { expectAccessible, pageAs, resumeSession } from "./support/session";

// Invoices + Payments (issue 3): tabs, filters, sorting, keyset paging, details, downloads,
// permissions and the Generation 3 rule, as the demo users see them.

// Each test signs in (argon2) and walks several pages: give them room on a busy CI machine.
test.describe.configure({ timeout: 90_000 });

const table = (page: Page, name: string) => page.getByRole("table", { name });
const column = (page: Page, name: string, n: number) => table(page, name).locator(`tbody tr td:nth-child(${n})`);
const money = (text: string) => Number(text.replace(/[^0-9,.-]/g, "").replace(/,/g, ""));

// "Nov 24, 2026" (en-US) or "24.11.2026" (de-DE) → a comparable ISO day.
function isoDay(text: string): string {
  const german = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (german) return `${german[3]}-${german[2]}-${german[1]}`;
  const date = new Date(`${text.trim()} 12:00 UTC`);
  return date.toISOString().slice(0, 10);
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function readDownload(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

test("billing@acme switches tabs, each labelled with its count and total", async ({ page }) => {
  await resumeSession(page, "billing@acme.example");
  await page.goto("/account/invoices");
  const tabs = page.getByRole("navigation", { name: "Invoice and payment views" });
  await expect(tabs.getByRole("link", { name: /Open Invoices \d+ invoices, \$[\d,.]+ due/ })).toHaveAttribute("aria-current", "page");
  await expect(table(page, "Open invoices")).toBeVisible();
  await expect(page.getByText("Generation 3 invoices remain available until")).toBeVisible();

  await tabs.getByRole("link", { name: /Recent Invoices/ }).click();
  await expect(page).toHaveURL(/tab=recent/);
  await expect(table(page, "Recent invoices")).toBeVisible();
  // The tab and the count say they cover 12 months; the CSV "All" says it has every date (issue 13 item 8).
  await expect(tabs.getByRole("link", { name: /Recent Invoices/ })).toContainText("last 12 months");
  await expect(page.getByText(/^\d+ invoices · last 12 months · \$[\d,.]+ billed$/)).toBeVisible();
  await page.getByText("CSV export").click();
  await expect(page.getByText("every date, no filters")).toBeVisible();
  await tabs.getByRole("link", { name: /Recent Payments/ }).click();
  await expect(page).toHaveURL(/tab=payments/);
  await expect(column(page, "Recent payments", 3).first()).toHaveText("Visa •••• 4242");
});

test("filters by status and date, sorts by a column, pages forward and back", async ({ page }) => {
  await resumeSession(page, "billing@acme.example");
  await page.goto("/account/invoices?tab=recent");

  await page.getByRole("checkbox", { name: "Paid" }).check();
  await page.getByLabel("Invoice date from").fill(daysAgo(120));
  await page.getByRole("button", { name: "Apply filters" }).click();
  // The form's GET carries empty fields; the page redirects to its canonical URL without them, so
  // wait for that URL (not the intermediate one) and for its rows before reading them.
  await expect(page).toHaveURL((url) => url.searchParams.get("status") === "paid" && ![...url.searchParams.values()].includes(""));
  await expect(column(page, "Recent invoices", 5).first()).toBeVisible();
  const statuses = await column(page, "Recent invoices", 5).allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Paid"]));
  for (const day of await column(page, "Recent invoices", 2).allTextContents()) expect(isoDay(day) >= daysAgo(121)).toBe(true);
  await expect(page.getByRole("checkbox", { name: "Paid" })).toBeChecked();

  await table(page, "Recent invoices").getByRole("link", { name: "Total", exact: true }).click();
  await expect(page).toHaveURL(/sort=total&dir=desc/);
  const totals = (await column(page, "Recent invoices", 6).allTextContents()).map(money);
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  await table(page, "Recent invoices").getByRole("link", { name: "Total", exact: true }).click();
  await expect(page).toHaveURL(/sort=total&dir=asc/);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\?tab=recent$/);
  const firstPage = await column(page, "Recent invoices", 1).allTextContents();
  expect(firstPage).toHaveLength(25);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await pages.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/after=/);
  const secondPage = await column(page, "Recent invoices", 1).allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((n) => firstPage.includes(n))).toBe(false);

  await page.goBack();
  await expect(page).toHaveURL(/\?tab=recent$/);
  await expect(column(page, "Recent invoices", 1)).toHaveText(firstPage);
  await page.goForward();
  await expect(column(page, "Recent invoices", 1)).toHaveText(secondPage);
  await pages.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(column(page, "Recent invoices", 1)).toHaveText(firstPage);
});

test("rows per page applies at once; applying the form keeps empty and default parameters out of the URL", async ({ page }) => {
  await resumeSession(page, "billing@acme.example");
  await page.goto("/account/invoices?tab=recent");
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/\/account\/invoices\?tab=recent&size=50$/);
  await expect.poll(() => column(page, "Recent invoices", 1).count()).toBeGreaterThan(25);
  // The form submits the prefilled default window and every empty input; the URL keeps neither.
  // That URL is the one before the click too, so the test first waits for the submission itself.
  const submitted = page.waitForResponse((response) => response.url().includes("&q=&"));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await submitted;
  await expect(page).toHaveURL(/\/account\/invoices\?tab=recent&size=50$/);
  // Nothing tells when that navigation's render is done (same URL), and typing before it could go
  // into the form it replaces: the next check starts from a freshly loaded page.
  await page.goto("/account/invoices?tab=recent&size=50");
  await page.getByLabel("Invoice number").fill("10");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/account\/invoices\?tab=recent&q=10&size=50$/);
});

test("a filter that matches nothing says so and offers to clear it; bad parameters fall back to defaults", async ({ page }) => {
  await resumeSession(page, "billing@acme.example");
  await page.goto("/account/invoices?tab=open&q=no-such-invoice");
  await expect(page.getByText("No invoices match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(table(page, "Open invoices")).toBeVisible();

  const response = await page.goto("/account/invoices?tab=bogus&size=7&sort=password&dir=up&after=%%%&min=abc&from=2026-02-31");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: /Open Invoices/ })).toHaveAttribute("aria-current", "page");
  await expect(table(page, "Open invoices")).toBeVisible();
});

test("opens an invoice and downloads its CSV and PDF", async ({ page }) => {
  await resumeSession(page, "billing@acme.example");
  await page.goto("/account/invoices?tab=recent&status=paid");
  const link = table(page, "Recent invoices").locator("tbody tr").first().getByRole("link").first();
  const number = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(/\/account\/invoices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByText("Attn: Accounts Payable")).toBeVisible();
  await expect(table(page, `Line items of invoice ${number}`)).toBeVisible();
  await expect(table(page, "Payments applied to this invoice")).toContainText("Visa •••• 4242");
  await expectAccessible(page);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe(`acme-invoice-${number}.csv`);
  const text = (await readDownload(csv)).toString("utf8");
  expect(text.startsWith("\uFEFFInvoice number,Invoice date,Due date")).toBe(true);
  expect(text).toContain(`${number},`);
  expect(text).toMatch(/,line,1,/);
  expect(text).toMatch(/balance_due,,Balance due,,,,,0\.00,USD\r\n$/);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(pdf.suggestedFilename()).toBe(`acme-invoice-${number}.pdf`);
  const bytes = await readDownload(pdf);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.toString("latin1")).toContain(`Invoice ${number}`);
  expect(bytes.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
  expect(bytes.length).toBeGreaterThan(1500);
});

test("viewer@acme sees invoices but no payments anywhere", async ({ page }) => {
  await resumeSession(page, "viewer@acme.example");
  await page.goto("/account/invoices?tab=payments");
  await expect(page.getByRole("link", { name: /Recent Payments/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Open Invoices/ })).toHaveAttribute("aria-current", "page");
  await page.goto("/account/invoices?tab=recent&status=paid");
  await table(page, "Recent invoices").locator("tbody tr").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Line items" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Payments applied" })).toHaveCount(0);
  await expect(page.getByText("Visa")).toHaveCount(0);
});

test("admin@globex sees no Generation 3 invoice, can ask for one, and gets 404 for another account's", async ({ page, browser }) => {
  const acme = await pageAs(browser, "billing@acme.example");
  await acme.goto("/account/invoices?tab=recent&from=");
  const gen3Row = table(acme, "Recent invoices").locator("tbody tr").filter({ hasText: "Gen 3" }).first();
  const acmeGen3Href = (await gen3Row.getByRole("link").first().getAttribute("href"))!;
  await acme.context().close();

  await resumeSession(page, "admin@globex.example");
  await page.goto("/account/invoices?tab=recent&from=");
  await expect(page.getByRole("link", { name: "Request a Generation 3 invoice" })).toHaveAttribute("href", "/support/tickets/new?category=gen3_invoice_request");
  await expect(page.getByText("previous 6 months")).toBeVisible();
  const days = await column(page, "Recent invoices", 2).allTextContents();
  expect(days.length).toBeGreaterThan(0);
  for (const day of days) expect(isoDay(day) >= daysAgo(121)).toBe(true);
  await expect(page.getByText("Gen 3", { exact: true })).toHaveCount(0);

  const response = await page.goto(acmeGen3Href);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Invoice not found" })).toBeVisible();
  for (const format of ["csv", "pdf"]) expect((await page.request.get(`${acmeGen3Href}/${format}`)).status()).toBe(404);
  expect((await page.request.get("/account/invoices/not-a-uuid/csv")).status()).toBe(404);
  expect((await page.goto("/account/invoices/not-a-uuid"))?.status()).toBe(404);
});

test("admin@umbrella sees the no-invoices-yet state", async ({ page }) => {
  await resumeSession(page, "admin@umbrella.example");
  await page.goto("/account/invoices");
  await expect(page.getByText("No invoices yet: invoices appear here once Northwind Cloud posts your first bill.")).toBeVisible();
  await expect(page.getByRole("search", { name: "Filter" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the invoice list passes axe on each tab", async ({ page }) => {
  test.setTimeout(120_000); // axe over three full tables on a shared CI machine
  await resumeSession(page, "billing@acme.example");
  for (const tab of ["open", "recent", "payments"]) {
    await page.goto(`/account/invoices?tab=${tab}`);
    await expectAccessible(page);
  }
});

test("downloads need a session", async ({ request }) => {
  const response = await request.get("/account/invoices/00000000-0000-4000-8000-000000000000/csv", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain("/sign-in");
});
