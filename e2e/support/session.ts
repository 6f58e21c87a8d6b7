import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { FIXTURE_ACCOUNTS, FIXTURE_PASSWORD } from "./fixture-accounts";

export const DEMO_PASSWORD = "demo-pass-123";

// Everyone the specs act as without testing sign-in itself: the setup project (e2e/auth.setup.ts)
// signs each in once through the real form and saves the session for the specs to reuse.
export const SESSION_USERS: { email: string; password: string }[] = [
  ...[
    "ops@northwind.example",
    "admin@acme.example",
    "billing@acme.example",
    "viewer@acme.example",
    "member@acme.example",
    "admin@globex.example",
    "admin@initech.example",
    "admin@umbrella.example",
  ].map((email) => ({ email, password: DEMO_PASSWORD })),
  ...FIXTURE_ACCOUNTS.flatMap((account) => account.users.map((user) => ({ email: user.email, password: FIXTURE_PASSWORD }))),
];

// Where the setup project keeps each user's cookies (.data/ is git-ignored).
export function sessionFile(email: string): string {
  return path.join(process.cwd(), ".data", "e2e-sessions", `${email}.json`);
}

// Signs in through the real sign-in form and waits for the portal to load.
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

// Continues as `email` with the session the setup project saved: the page's next load is signed in.
// (No page is loaded here; most tests go to a page of their own first.)
export async function resumeSession(page: Page, email: string) {
  const { cookies } = JSON.parse(await readFile(sessionFile(email), "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
  await page.context().addCookies(cookies);
}

// A blank page of its own browser context, signed in as `email` with the saved session.
export async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: sessionFile(email) });
  return context.newPage();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

// Fails on any WCAG 2.1 A/AA violation axe finds on the current page.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
