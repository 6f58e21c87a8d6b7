import { expect as baseExpect, test, type Page } from "./support/fixtures";
import { GEN3_SPEC, OPERATOR_SPEC } from "./support/fixture-accounts";
import { expectAccessible, pageAs } from "./support/session";

// The provider's side and support (issue 7), as people use it. Runs in order: later steps use
// what earlier ones created. It works in its own accounts (e2e/support/fixture-accounts.ts): the operator
// posts into OPERATOR_SPEC's; GEN3_SPEC's account was upgraded 120 days ago, so its Generation 3
// invoices are hidden: G3-5M was issued 5 months ago, G3-8M 8 months ago.
test.describe.configure({ mode: "serial", timeout: 180_000 });
// Each step signs people in and posts through server actions; on a busy CI machine those take
// longer than the default 10 s, so waits here are longer.
const expect = baseExpect.configure({ timeout: 30_000 });

const OPERATOR = "ops@northwind.example";
const ACCOUNT = OPERATOR_SPEC.name;
const CUSTOMER = OPERATOR_SPEC.billing.email;
const GEN3_CUSTOMER = GEN3_SPEC.admin.email;
const RESTORABLE = GEN3_SPEC.restorable.number;
let gen3TicketUrl = "";

// Each person gets their own browser context (axe needs one, and sessions must not mix).
const as = pageAs;

async function openAccount(page: Page, name: string) {
  await page.goto("/operator");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("the operator posts an invoice into an account through the console", async ({ browser }) => {
  const page = await as(browser, OPERATOR);
  await openAccount(page, ACCOUNT);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Post an invoice" }).click();
  await page.getByRole("textbox", { name: "Invoice number" }).fill("E2E-OPS-1");
  await page.getByLabel("Tax rate (%)").fill("10");
  await page.getByLabel("Line 1 description").fill("Managed firewall");
  await page.getByLabel("Line 1 quantity").fill("3");
  await page.getByLabel("Line 1 unit price (USD)").fill("0.05");
  await page.getByRole("button", { name: "Add a line" }).click();
  await page.getByLabel("Line 2 description").fill("Support hours");
  await page.getByLabel("Line 2 quantity").fill("1.5");
  await page.getByLabel("Line 2 unit price (USD)").fill("120");
  // 3 × $0.05 = $0.15, tax 1.5¢ → 2¢; 1.5 × $120 = $180.00, tax $18.00: total $198.17.
  await expect(page.getByText("$198.17")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Post invoice" }).click();
  await expect(page.getByText("Invoice E2E-OPS-1 posted.")).toBeVisible();
  const row = page.getByRole("row", { name: /E2E-OPS-1/ });
  await expect(row).toContainText("$198.17");
  await expect(row).toContainText("Open");
  await page.context().close();

  // Posting notified the customer in the same transaction: their bell lists it.
  const customer = await as(browser, CUSTOMER);
  await customer.goto("/");
  await customer.getByRole("button", { name: /^Alerts, \d+ unread$/ }).click();
  await expect(customer.getByRole("link", { name: /E2E-OPS-1/ }).first()).toBeVisible();
  await customer.context().close();
});

test("the operator records a payment against that invoice, which becomes paid, and voids another", async ({ browser }) => {
  const page = await as(browser, OPERATOR);
  await openAccount(page, ACCOUNT);
  await page.getByRole("link", { name: "Record a payment" }).click();
  await page.getByLabel("Choose amounts").check();
  await page.getByLabel("Amount (USD)").fill("198.17");
  await page.getByLabel("Reference").fill("WIRE-E2E-1");
  await page.getByLabel("Amount applied to E2E-OPS-1").fill("198.17");
  await expect(page.getByText("Unallocated: $0.00.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment recorded and allocated.")).toBeVisible();
  await expect(page.getByRole("row", { name: /E2E-OPS-1/ })).toContainText("Paid");

  await page.getByRole("link", { name: "Post an invoice" }).click();
  await page.getByRole("textbox", { name: "Invoice number" }).fill("E2E-OPS-2");
  await page.getByLabel("Line 1 description").fill("Posted by mistake");
  await page.getByLabel("Line 1 unit price (USD)").fill("10");
  await page.getByRole("button", { name: "Post invoice" }).click();
  await page.getByRole("link", { name: "Void invoice E2E-OPS-2" }).click();
  await page.getByRole("button", { name: "Void invoice E2E-OPS-2" }).click();
  await expect(page.getByText("Give a reason")).toBeVisible();
  await page.getByLabel("Reason").fill("Duplicate of E2E-OPS-1");
  await page.getByRole("button", { name: "Void invoice E2E-OPS-2" }).click();
  await expect(page.getByText("Invoice E2E-OPS-2 voided.")).toBeVisible();
  await expect(page.getByRole("row", { name: /E2E-OPS-2/ })).toContainText("Void");
  await page.context().close();
});

test("a customer requests a hidden Generation 3 invoice; one older than 6 months is refused", async ({ browser }) => {
  const page = await as(browser, GEN3_CUSTOMER);
  await page.goto("/support/tickets/new?category=gen3_invoice_request");
  await expect(page.getByRole("heading", { name: "Request a Generation 3 invoice" })).toBeVisible();
  await expect(page.getByLabel("Category")).toHaveValue("gen3_invoice_request");
  await expectAccessible(page);

  await page.getByRole("textbox", { name: "Invoice number" }).fill(GEN3_SPEC.tooOld.number);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(
    page.getByText(new RegExp(`Invoice ${GEN3_SPEC.tooOld.number} was issued on .*Support can only retrieve invoices from the previous 6 months`)).first(),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/support\/tickets\/new/);

  await page.getByRole("textbox", { name: "Invoice number" }).fill(RESTORABLE);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: `Generation 3 invoice request: ${RESTORABLE}` })).toBeVisible();
  await expect(page.getByText("Ticket sent.")).toBeVisible();
  gen3TicketUrl = new URL(page.url()).pathname;
  await page.goto("/support/tickets");
  await expect(page.getByRole("row", { name: new RegExp(RESTORABLE) })).toContainText("Open");
  await expectAccessible(page);
  await page.context().close();
});

test("the operator fulfils it in one step and the customer can open the restored invoice", async ({ browser }) => {
  const operator = await as(browser, OPERATOR);
  await operator.goto("/operator/tickets");
  const row = operator.getByRole("row", { name: new RegExp(RESTORABLE) });
  await expect(row).toContainText("Awaiting reply");
  await row.getByRole("link", { name: `Generation 3 invoice request: ${RESTORABLE}` }).click();
  await expectAccessible(operator);
  await operator.getByRole("button", { name: "Restore for 30 days" }).click();
  await expect(operator.getByText(`We have restored invoice ${RESTORABLE}.`)).toBeVisible();
  await expect(operator.getByText("Now: Resolved")).toBeVisible();
  await operator.context().close();

  const customer = await as(browser, GEN3_CUSTOMER);
  await customer.goto(gen3TicketUrl);
  await expect(customer.getByText(new RegExp(`We have restored invoice ${RESTORABLE}\\. You can open and export it in Invoices \\+ Payments until`))).toBeVisible();
  const restored = customer.getByRole("region", { name: "Restored invoices" });
  await expect(restored).toContainText(/restored until/);
  const link = restored.getByRole("link", { name: `Invoice ${RESTORABLE}` });
  await expect(link).toHaveAttribute("href", /^\/account\/invoices\/[0-9a-f-]{36}$/);
  await expectAccessible(customer);
  // The restored invoice opens, with its banner.
  await link.click();
  await expect(customer).toHaveURL(/\/account\/invoices\/[0-9a-f-]{36}$/);
  await expect(customer.getByText(/Restored until/)).toBeVisible();
  await customer.context().close();
});

test("a ticket conversation: the operator replies and moves it on, the customer sees both", async ({ browser }) => {
  const operator = await as(browser, OPERATOR);
  await operator.goto("/operator/tickets");
  await operator.getByRole("link", { name: OPERATOR_SPEC.ticketSubject }).click();
  await operator.getByLabel("Reply to the customer").fill("The 120 GB includes the CDN; we'll send a breakdown.");
  await operator.getByRole("button", { name: "Send reply" }).click();
  await expect(operator.getByText("Reply sent.")).toBeVisible();
  await operator.getByLabel("Move to").selectOption("in_progress");
  await operator.getByRole("button", { name: "Change status" }).click();
  await expect(operator.getByText("Now: In progress")).toBeVisible();
  await operator.context().close();

  const customer = await as(browser, CUSTOMER);
  await customer.goto("/support/tickets");
  await expect(customer.getByRole("row", { name: new RegExp(OPERATOR_SPEC.ticketSubject) })).toContainText("In progress");
  await customer.getByRole("link", { name: OPERATOR_SPEC.ticketSubject }).click();
  await expect(customer.getByText("The 120 GB includes the CDN; we'll send a breakdown.")).toBeVisible();
  await customer.getByLabel("Reply").fill("Thanks, that explains it.");
  await customer.getByRole("button", { name: "Send reply" }).click();
  await expect(customer.getByText("Thanks, that explains it.")).toBeVisible();
  await customer.context().close();
});

test("the operator sees a failed email with its error and retries it", async ({ browser }) => {
  const page = await as(browser, OPERATOR);
  await page.goto("/operator/outbox?status=failed");
  // The demo's failed email stays failed for people trying the console: this retries the spec's own.
  const failedTab = page.getByRole("navigation", { name: "Email status" }).getByRole("link", { name: /^Failed \(\d+\)$/ });
  const failedBefore = Number(/\((\d+)\)/.exec((await failedTab.textContent()) ?? "")?.[1]);
  expect(failedBefore).toBeGreaterThan(0);
  const row = page.getByRole("row", { name: OPERATOR_SPEC.failedEmailError });
  await expect(row).toContainText("Failed");
  await expectAccessible(page);
  await row.getByRole("button", { name: /^Retry email to / }).click();
  await expect(row).toHaveCount(0);
  await expect(failedTab).toHaveText(`Failed (${failedBefore - 1})`);
  await page.context().close();
});

test("an API key created in the console posts an invoice once, replays, and stops working when revoked", async ({ browser, request }) => {
  const page = await as(browser, OPERATOR);
  await page.goto("/operator/api-keys");
  await page.getByLabel("New key name").fill("E2E billing run");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = await page.getByLabel("Secret key").inputValue();
  expect(secret).toMatch(/^bpk_/);
  await expectAccessible(page);

  const post = () =>
    request.post("/api/v1/invoices", {
      headers: { authorization: `Bearer ${secret}`, "idempotency-key": "e2e-invoice-1" },
      data: {
        account: OPERATOR_SPEC.slug,
        number: "E2E-API-1",
        currency: "USD",
        issueDate: "2026-01-05",
        dueDate: "2026-02-04",
        servicePeriod: { start: "2025-12-01", end: "2025-12-31" },
        lines: [{ description: "API line", quantity: 1, unitPriceMinor: 1234 }],
      },
    });
  const first = await post();
  expect(first.status()).toBe(201);
  const replay = await post();
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(await first.json());

  await page.reload();
  await page.getByRole("button", { name: "Revoke E2E billing run" }).click();
  await expect(page.getByRole("row", { name: /E2E billing run/ })).toContainText("Revoked");
  const revoked = await request.post("/api/v1/payments", { headers: { authorization: `Bearer ${secret}`, "idempotency-key": "e2e-payment-1" }, data: {} });
  expect(revoked.status()).toBe(401);
  await page.context().close();
});

test("customers get a 404 on every operator page, and another account's ticket is a 404", async ({ browser }) => {
  // Acme has nothing to do with the ticket the Generation 3 customer opened above.
  const page = await as(browser, "admin@acme.example");
  for (const path of ["/operator/tickets", "/operator/outbox", "/operator/api-keys", "/operator/accounts/00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const response = await page.goto(gen3TicketUrl);
  expect(response?.status()).toBe(404);
  await page.goto("/support/tickets");
  await expect(page.getByText(RESTORABLE)).toHaveCount(0);
  await page.context().close();

  const member = await as(browser, "member@acme.example");
  await member.goto("/support/tickets/new");
  await expect(member).toHaveURL(/\/missing-permission\?permission=support\.use/);
  await member.context().close();
});
