import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export { expect };
export type { Browser, BrowserContext, Download, Page } from "@playwright/test";

// Chromium reports every blocked script, style, frame or connection in the console.
export function isCspViolation(text: string): boolean {
  return /Content Security Policy/i.test(text);
}

// Every spec's `test`: fails the test when any page it opened (the default page, or one from
// browser.newPage / newContext) reported a Content-Security-Policy violation, so every page of the
// portal keeps working under the policy (issue 12).
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      const watchPage = (page: Page) => page.on("console", (m) => void (isCspViolation(m.text()) && violations.push(`${page.url()}: ${m.text()}`)));
      const watchContext = (ctx: BrowserContext) => {
        ctx.pages().forEach(watchPage);
        ctx.on("page", watchPage);
      };
      watchContext(context);
      const { newContext, newPage } = browser;
      browser.newContext = async (...args) => {
        const ctx = await newContext.apply(browser, args);
        watchContext(ctx);
        return ctx;
      };
      browser.newPage = async (...args) => {
        const page = await newPage.apply(browser, args);
        watchPage(page);
        return page;
      };
      await use(violations);
      browser.newContext = newContext;
      browser.newPage = newPage;
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
