import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./support/fixtures";
import { parseCsv } from "../tests/support/parse-csv";
import { expectAccessible, resumeSession } from "./support/session";

// CSV export of the three tabs (issue 4): the menu, its row counts and the downloads they give.
// Nine downloads in one test run: give each test room on a busy machine.
// In order, on one worker: billing@acme's nine downloads stay within its 2-at-once export limit.
test.describe.configure({ mode: "default", timeout: 90_000 });

const TABS = [
  { tab: "open", file: "open-invoices", header: "Number,Invoice date,Due date,Days past due,Status,Total,Balance due,Currency" },
  { tab: "recent", file: "recent-invoices", header: "Number,Invoice date,Due date,Service period start,Service period end,Status,Total,Paid,Balance,Currency" },
  { tab: "payments", file: "recent-payments", header: "Date,Reference,Method,Amount,Status,Applied to,Currency" },
] as const;

async function openMenu(page: Page) {
  // The disclosure stays open after a download; a second click on its summary would close it.
  const all = page.getByRole("link", { name: /^All, \d+ rows?$/ });
  if (!(await all.isVisible())) await page.getByText("CSV export").click();
  await expect(all).toBeVisible();
}

// Clicks a menu link, returns the download's file name and parsed records (header first).
async function pick(page: Page, name: RegExp, delimiter = ",") {
  const link = page.getByRole("link", { name });
  const label = (await link.getAttribute("aria-label"))!;
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records = parseCsv(bytes.toString("utf8"), delimiter);
  return { filename: download.suggestedFilename(), records, expected: Number(/(\d[\d,]*) rows?$/.exec(label)![1].replace(/,/g, "")) };
}

for (const { tab, file, header } of TABS) {
  test(`billing@acme downloads All, Current Set and Filtered from ${tab}`, async ({ page }) => {
    await resumeSession(page, "billing@acme.example");
    await page.goto(`/account/invoices?tab=${tab}`);
    for (const scope of ["All", "Current Set", "Filtered"]) {
      await openMenu(page);
      const { filename, records, expected } = await pick(page, new RegExp(`^${scope}, \\d+ rows?$`));
      expect(filename).toMatch(new RegExp(`^acme-${file}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(records[0].join(",")).toBe(header);
      expect(records.length - 1).toBe(expected);
      if (scope === "Current Set") expect(expected).toBe(await page.getByRole("table").locator("tbody tr").count());
    }
  });
}

test("the semicolon choice gives a semicolon-separated file, and the open menu passes axe", async ({ page }) => {
  await resumeSession(page, "admin@acme.example");
  await page.goto("/account/invoices?tab=recent");
  await openMenu(page);
  await expectAccessible(page);
  const { records, expected } = await pick(page, /^Filtered \(semicolon-separated\), \d+ rows?$/, ";");
  expect(records[0]).toEqual(["Number", "Invoice date", "Due date", "Service period start", "Service period end", "Status", "Total", "Paid", "Balance", "Currency"]);
  expect(records.length - 1).toBe(expected);
});

test("exports through the real route free their slot when done; the 11th in a minute is a 429 with Retry-After", async ({ page }) => {
  // admin@initech exports nowhere else in the suite, so its per-minute count starts at 0.
  await resumeSession(page, "admin@initech.example");
  // More than the 2 concurrent slots, one after another: each finished download must release its lease.
  for (let i = 0; i < 10; i++) {
    const response = await page.request.get("/account/invoices/export?tab=recent&scope=all");
    expect(response.status()).toBe(200);
    expect((await response.text()).startsWith("\uFEFFNumber,")).toBe(true);
  }
  const refused = await page.request.get("/account/invoices/export?tab=recent&scope=all");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ status: 429, code: "rate_limited", detail: expect.stringContaining("10 exports a minute") });
  // The same refusal opened by the browser is a portal page that says when to retry (issue 13 item 3).
  await page.goto("/account/invoices/export?tab=recent&scope=all");
  await expect(page).toHaveURL(/\/account\/export-refused\?reason=rate_limited&from=invoices&retryAfter=\d+$/);
  await expect(page.getByRole("heading", { name: "Too many exports at once" })).toBeVisible();
  await expect(page.getByText(/^Try again in \d+ seconds?\.$/)).toBeVisible();
});

test("a refused export opened in the browser shows a portal page saying why, with the way back (issue 13 item 3)", async ({ page }) => {
  // A link asking for a tab that does not exist is a 422 for an API client; a browser gets the page.
  // (A missing permission never reaches the route: the proxy already sends it to /missing-permission.)
  // viewer@acme exports nowhere else in the suite, so its rate limit cannot answer first.
  await resumeSession(page, "viewer@acme.example");
  await page.goto("/account/invoices/export?tab=bogus&scope=all");
  await expect(page).toHaveURL(/\/account\/export-refused\?reason=invalid&from=invoices$/);
  await expect(page.getByRole("heading", { name: "This export link is not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Invoices + Payments" })).toHaveAttribute("href", "/account/invoices");
  await expectAccessible(page);
});
