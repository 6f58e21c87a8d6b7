import { test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support/session";

test.describe.configure({ mode: "serial", timeout: 300_000 });
const DIR = "/tmp/ops-shots";

async function shoot(browser: Browser, email: string, paths: [string, string][], setup?: (page: Page) => Promise<void>) {
  for (const [width, height, tag] of [[1280, 900, "desk"], [390, 844, "phone"]] as const) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await signIn(page, email);
    for (const [path, name] of paths) {
      const t0 = Date.now();
      await page.goto(path);
      if (setup && name === "new-ticket-gen3") await setup(page);
      console.log(`${name} ${tag} ${Date.now() - t0}ms`);
      await page.screenshot({ path: `${DIR}/${name}-${tag}.png`, fullPage: true });
    }
    await context.close();
  }
}

test("screens", async ({ browser }) => {
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await signIn(p, "ops@northwind.example");
  await p.goto("/operator");
  const acme = await p.getByRole("link", { name: "Acme Corp", exact: true }).getAttribute("href");
  await p.goto("/operator/tickets");
  const ticket = await p.getByRole("link", { name: /Bandwidth/ }).getAttribute("href");
  await ctx.close();
  await shoot(browser, "ops@northwind.example", [
    ["/operator", "accounts"],
    [acme!, "account"],
    [`${acme}/invoices/new`, "post-invoice"],
    [`${acme}/payments/new`, "record-payment"],
    ["/operator/tickets", "op-tickets"],
    [ticket!, "op-ticket"],
    ["/operator/outbox", "outbox"],
    ["/operator/api-keys", "api-keys"],
  ]);
  await shoot(browser, "billing@acme.example", [
    ["/support/tickets", "tickets"],
    [ticket!.replace("/operator", "/support"), "ticket"],
    ["/support/tickets/new", "new-ticket"],
  ]);
  await shoot(browser, "admin@globex.example", [["/support/tickets/new?category=gen3_invoice_request", "new-ticket-gen3"]], async (page) => {
    await page.getByRole("textbox", { name: "Invoice number" }).fill("GLX-1007");
    await page.getByRole("button", { name: "Send request" }).click();
    await page.getByText(/was issued on/).first().waitFor();
  });
});
