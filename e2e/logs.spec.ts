import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { FIXTURE_PASSWORD, LOGS_SPEC } from "./support/fixture-accounts";
import { signIn } from "./support/session";

// Issue 15 item 6: the production server writes one JSON line per request (scripts/e2e-server.mjs
// keeps them in .data/e2e-<port>.server.log) with its id, route, status, duration and account,
// and never what the user typed or downloaded: the password, the card number, the session cookie,
// the CSV's rows.
const LOG = path.join(process.cwd(), ".data", `e2e-${process.env.E2E_PORT ?? "3100"}.server.log`);
const CARD = "4000 0566 5566 5556";

const logSize = () => statSync(LOG).size;
const logSince = (offset: number) => readFileSync(LOG).subarray(offset).toString("utf8");

test("the log has a line per request and no password, card number, session token or CSV row", async ({ page, context }) => {
  const offset = logSize();
  await signIn(page, LOGS_SPEC.admin.email, FIXTURE_PASSWORD);

  await page.goto("/account/payment-methods");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add card" }) });
  await form.getByLabel("Name on card").fill(LOGS_SPEC.admin.name);
  await form.getByLabel("Card number").fill(CARD);
  await form.getByLabel("Expiry month").selectOption("03");
  await form.getByLabel("Expiry year").selectOption(String(new Date().getFullYear() + 3));
  await form.getByLabel("Security code (CVC)").fill("731");
  await form.getByRole("button", { name: "Add card" }).click();
  await expect(form.getByText("Visa ending in 5556 added.")).toBeVisible();

  const exported = await page.request.get("/account/invoices/export?tab=open&scope=all");
  expect(exported.status()).toBe(200);
  const csv = await exported.text();
  expect(csv).toContain(LOGS_SPEC.invoiceNumber);
  const requestId = exported.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  // The export's line is written when its response closes.
  await expect.poll(() => logSince(offset).includes(requestId)).toBe(true);
  const log = logSince(offset);
  const lines = log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const exportLine = lines.find((line) => line.requestId === requestId);
  expect(exportLine).toMatchObject({ level: "info", msg: "request", method: "GET", route: "/account/invoices/export", status: 200 });
  expect(exportLine!.time).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  expect(exportLine!.durationMs).toEqual(expect.any(Number));
  expect(exportLine!.accountId).toEqual(expect.stringMatching(/\S/));
  expect(lines.filter((line) => line.msg === "request" && line.route === "/sign-in").length).toBeGreaterThan(0);

  const sessionCookies = (await context.cookies()).filter((cookie) => cookie.name.includes("session-token")).map((cookie) => cookie.value);
  expect(sessionCookies.length).toBeGreaterThan(0);
  const csvRows = csv
    .split(/\r?\n/)
    .slice(1)
    .filter((row) => row.trim() !== "");
  expect(csvRows.length).toBeGreaterThan(0);
  for (const secret of [FIXTURE_PASSWORD, CARD, CARD.replace(/ /g, ""), LOGS_SPEC.invoiceNumber, ...sessionCookies, ...csvRows]) {
    expect(log, `the log must not contain ${secret.slice(0, 12)}…`).not.toContain(secret);
  }
});
