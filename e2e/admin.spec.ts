import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "./support/fixtures";
import { ADMIN_SPEC, SOLO_SPEC } from "./support/fixture-accounts";
import { expectAccessible, pageAs, resumeSession, signIn } from "./support/session";

// Account administration (issue 6). The steps build on each other: a role is created, a user is
// invited into it, then that user's access is checked, changed and audited. All of it happens in
// the spec's own accounts (e2e/support/fixture-accounts.ts), so the demo accounts stay as seeded.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const ROLE = "Payments Reader";
const RENAMED = "Card Reader";
const INVITEE = { name: "Rita Reader", email: `rita@${ADMIN_SPEC.slug}.example`, password: "long enough passphrase" };
const { admin, billing } = ADMIN_SPEC;
let inviteUrl = "";

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

test("an administrator creates a custom role; built-in roles are read-only", async ({ page }) => {
  await resumeSession(page, admin.email);
  await page.goto("/account/roles");
  await expectAccessible(page);

  await page.getByRole("link", { name: "View Billing Viewer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing Viewer" })).toBeVisible();
  await expect(page.getByText("A built-in role: every account has it and it can't be changed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save permissions" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/account/roles");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create role" }) });
  await form.getByLabel("Role name").fill("billing viewer");
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(form.getByText("A role named “Billing Viewer” already exists.")).toBeVisible();
  await expect(form.getByLabel("Role name")).toHaveAttribute("aria-invalid", "true");

  // Update implies Read: checking it checks and locks Read, and the form says so.
  const read = form.getByRole("checkbox", { name: "Read Payment Information" });
  await form.getByRole("checkbox", { name: "Update Payment Information" }).check();
  await expect(read).toBeChecked();
  await expect(read).toBeDisabled();
  await expect(form.getByText("Included with Update Payment Information.")).toBeVisible();
  await form.getByRole("checkbox", { name: "Update Payment Information" }).uncheck();
  await expect(read).toBeEnabled();
  await read.check();
  await form.getByRole("checkbox", { name: "View Invoices" }).check();
  await form.getByLabel("Role name").fill(ROLE);
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(form.getByText(`Role “${ROLE}” created.`)).toBeVisible();

  await page.getByRole("link", { name: `Edit ${ROLE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: ROLE })).toBeVisible();
  await page.getByLabel("Role name").fill(RENAMED);
  await page.getByRole("button", { name: "Rename role" }).click();
  await expect(page.getByText("Role renamed.")).toBeVisible();
  await page.getByRole("checkbox", { name: "Use Support Tickets" }).check();
  await page.getByRole("button", { name: "Save permissions" }).click();
  await expect(page.getByText("Permissions saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: RENAMED })).toBeVisible();
  await expectAccessible(page);
});

test("an invited user sets a password from the emailed link and signs in", async ({ page, browser }) => {
  await resumeSession(page, admin.email);
  await page.goto("/account/users");
  await expectAccessible(page);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Send invitation" }) });
  await form.getByLabel("Name").fill(INVITEE.name);
  await form.getByLabel("Email").fill(INVITEE.email);
  await form.getByRole("checkbox", { name: "Billing Viewer" }).uncheck();
  await form.getByRole("checkbox", { name: RENAMED }).check();
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText(`Invitation emailed to ${INVITEE.email}.`)).toBeVisible();
  inviteUrl = await form.getByLabel("Invitation link").inputValue();
  expect(inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(
    page
      .getByRole("row", { name: new RegExp(INVITEE.name) })
      .getByText("Invited")
      .filter({ visible: true }),
  ).toBeVisible();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(inviteUrl);
  await expect(invitee.getByRole("heading", { name: `Join ${ADMIN_SPEC.name}` })).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("New password").fill("too short");
  await invitee.getByLabel("Repeat the password").fill("too short");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("Use at least 12 characters.")).toBeVisible();
  await invitee.getByLabel("New password").fill(INVITEE.password);
  await invitee.getByLabel("Repeat the password").fill(`${INVITEE.password}!`);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("The passwords don't match.")).toBeVisible();
  await invitee.getByLabel("New password").fill(INVITEE.password);
  await invitee.getByLabel("Repeat the password").fill(INVITEE.password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("Your password is set.")).toBeVisible();
  await invitee.getByRole("link", { name: "Sign in" }).click();
  await signIn(invitee, INVITEE.email, INVITEE.password);
  await expect(invitee).toHaveURL(/\/account\/invoices$/);

  await invitee.goto(inviteUrl);
  await expect(invitee.getByText("This invitation link has already been used.")).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("row", { name: new RegExp(INVITEE.name) })
      .getByText("Active")
      .filter({ visible: true }),
  ).toBeVisible();
});

test("a user with only Read Payment Information sees no edit controls, and the server refuses their changes", async ({ page, browser }) => {
  const reader = await signedIn(browser, INVITEE.email, INVITEE.password);
  await reader.goto("/account/payment-methods");
  await expect(reader.getByText("Visa").first()).toBeVisible();
  for (const name of [/Make default/, /^Remove/, "Add card"]) await expect(reader.getByRole("button", { name })).toHaveCount(0);
  await expect(reader.getByText("needs the Update Payment Information permission")).toBeVisible();
  await expectAccessible(reader);

  // Capture the administrator's own "Make default" server action request, without letting it through...
  await resumeSession(page, admin.email);
  await page.goto("/account/payment-methods");
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route("**/account/payment-methods", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByRole("button", { name: /Make default Amex/ }).click();
  await expect.poll(() => captured).not.toBeNull();
  const replay = captured!;
  expect(replay.headers["next-action"]).toBeTruthy();

  // ...and replay it with the reader's session: refused, nothing changed.
  const response = await reader.request.post("/account/payment-methods", {
    headers: { "next-action": replay.headers["next-action"], "content-type": replay.headers["content-type"], accept: "text/x-component" },
    data: replay.body,
  });
  expect(await response.text()).toContain("You don't have the Update Payment Information permission.");
  await reader.reload();
  await expect(reader.getByRole("listitem").filter({ hasText: "Amex" }).getByText("Default", { exact: true })).toHaveCount(0);
  await expect(reader.getByRole("listitem").filter({ hasText: "Visa" }).getByText("Default", { exact: true })).toBeVisible();
});

test("cards are added with validation, never echoed in full, made default and removed", async ({ page }) => {
  // The solo account has no cards and no invoices, so this test owns its card list.
  await resumeSession(page, SOLO_SPEC.admin.email);
  await page.goto("/account/payment-methods");
  await expect(page.getByText("No cards on file yet.")).toBeVisible();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add card" }) });
  const fill = async (number: string, cvc: string) => {
    await form.getByLabel("Name on card").fill(SOLO_SPEC.admin.name);
    await form.getByLabel("Card number").fill(number);
    await form.getByLabel("Expiry month").selectOption("03");
    await form.getByLabel("Expiry year").selectOption(String(new Date().getFullYear() + 3));
    await form.getByLabel("Security code (CVC)").fill(cvc);
    await form.getByRole("button", { name: "Add card" }).click();
  };

  await fill("4242 4242 4242 4241", "123");
  await expect(form.getByText("That card number is not valid. Check it and try again.")).toBeVisible();
  await expect(form.getByLabel("Card number")).toHaveValue("");
  await expect(form.getByLabel("Security code (CVC)")).toHaveValue("");
  await expect(form.getByLabel("Name on card")).toHaveValue(SOLO_SPEC.admin.name);
  await expect(form.getByLabel("Expiry month")).toHaveValue("03");
  await expect(form.getByLabel("Expiry year")).toHaveValue(String(new Date().getFullYear() + 3));
  expect(await page.content()).not.toMatch(/4242 ?4242 ?4242 ?4241/);

  await fill("4000 0566 5566 5556", "731");
  await expect(form.getByText("Visa ending in 5556 added.")).toBeVisible();
  const visa = page.getByRole("listitem").filter({ hasText: "Visa" });
  await expect(visa).toContainText("Visa •••• ending in 5556");
  await expect(visa.getByText("Default", { exact: true })).toBeVisible();
  await fill("5555 5555 5555 4444", "555");
  await expect(form.getByText("Mastercard ending in 4444 added.")).toBeVisible();
  const html = await page.content();
  for (const digits of ["4000056655665556", "4000 0566 5566 5556", "5555555555554444", "5555 5555 5555 4444"]) expect(html).not.toContain(digits);
  await expectAccessible(page);

  const mastercard = page.getByRole("listitem").filter({ hasText: "Mastercard" });
  await mastercard.getByRole("button", { name: /Make default/ }).click();
  await expect(mastercard.getByText("Default", { exact: true })).toBeVisible();
  await expect(visa.getByText("Default", { exact: true })).toHaveCount(0);

  await mastercard.getByRole("button", { name: /^Remove/ }).click();
  await mastercard.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Mastercard" })).toHaveCount(0);
  await expect(visa.getByText("Default", { exact: true })).toBeVisible();
});

test("a disabled user is signed out on their next page load", async ({ page, browser }) => {
  const reader = await signedIn(browser, INVITEE.email, INVITEE.password);
  await reader.goto("/account/invoices");
  await expect(reader).toHaveURL(/\/account\/invoices$/);

  await resumeSession(page, admin.email);
  await page.goto("/account/users");
  await page.getByRole("link", { name: `Manage ${INVITEE.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: INVITEE.name })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByText("User disabled. Their next page load signs them out.")).toBeVisible();

  await reader.goto("/account/invoices");
  await expect(reader).toHaveURL(/\/sign-in/);
});

test("demoting a billing manager takes effect on their very next page load", async ({ page, browser }) => {
  const billingPage = await pageAs(browser, billing.email);
  await billingPage.goto("/account/payment-methods");
  await expect(billingPage.getByRole("heading", { name: "Payment Methods" })).toBeVisible();

  await resumeSession(page, admin.email);
  await page.goto("/account/users");
  await page.getByRole("link", { name: `Manage ${billing.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: billing.name })).toBeVisible();
  const roles = async (from: string, to: string) => {
    await page.getByRole("checkbox", { name: from }).uncheck();
    await page.getByRole("checkbox", { name: to }).check();
    await page.getByRole("button", { name: "Save roles" }).click();
    await expect(page.getByText("Roles saved.")).toBeVisible();
  };
  await roles("Billing Manager", "Billing Viewer");
  try {
    await billingPage.goto("/account/payment-methods");
    await expect(billingPage).toHaveURL(/\/missing-permission\?permission=payments\.read/);
    await expect(billingPage.getByRole("heading", { name: "You don't have the Read Payment Information permission" })).toBeVisible();
  } finally {
    // Leave the fixture as seeded, so a rerun against the same server starts from the same roles.
    await page.reload();
    await roles("Billing Viewer", "Billing Manager");
  }
});

test("the last administrator cannot remove their own access", async ({ page }) => {
  await resumeSession(page, SOLO_SPEC.admin.email);
  await page.goto("/account/users");
  await page.getByRole("link", { name: `Manage ${SOLO_SPEC.admin.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: SOLO_SPEC.admin.name })).toBeVisible();
  await page.getByRole("checkbox", { name: "Account Administrator" }).uncheck();
  await page.getByRole("checkbox", { name: "Member" }).check();
  await page.getByRole("button", { name: "Save roles" }).click();
  // Refused outright: there is nothing to confirm when no other administrator would remain.
  await expect(page.getByText("This would leave the account without an active administrator.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Yes, remove my own access to Manage Users and Roles" })).toHaveCount(0);
  await page.goto("/account/users");
  await expect(page.getByRole("row", { name: new RegExp(SOLO_SPEC.admin.name) })).toContainText("Account Administrator");
});

test("the audit log filters by actor, action and date, and exports CSV", async ({ page }) => {
  await resumeSession(page, admin.email);
  await page.goto("/account/audit-log");
  await expectAccessible(page);

  await page.getByLabel("What").selectOption({ label: "Role created" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=role\.created/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Role created");
  await expect(rows.nth(1)).toContainText(`name: ${ROLE}`);
  await expect(rows.nth(1)).toContainText(admin.email);

  await page.getByLabel("Who").selectOption({ label: `${INVITEE.name} (${INVITEE.email})` });
  await page.getByLabel("What").selectOption({ label: "Any action" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("table")).toContainText("Invitation accepted");
  await expect(page.getByRole("table")).toContainText("Signed in");
  await expect(page.getByRole("table")).not.toContainText("Role created");

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(tomorrow);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No entries match this filter.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filter" }).click();

  await page.getByLabel("What").selectOption({ label: "Payment method added" });
  await page.getByRole("button", { name: "Apply" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${ADMIN_SPEC.slug}-audit-log-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = (await readFile((await file.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe("Time (UTC),Actor,Actor type,Action,Description,Target type,Target id,Summary,Details (JSON),IP address,User agent");

  await page.goto("/account/audit-log?action=audit_log.exported");
  await expect(page.getByRole("table")).toContainText("Audit log exported");
});
