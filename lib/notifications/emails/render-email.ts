import "server-only";
import { compile } from "html-to-text";
import { plainTextSelectors, render } from "@react-email/components";

// Headings keep their case in the text version (the default shouts them).
const PLAIN_TEXT_SELECTORS = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

// React Email's toPlainText(html, { selectors }) with the options compiled once: toPlainText
// compiles them (parsing every selector into a decision tree) for each email, which was most of a
// catch-up sweep's allocations (about half of ~1 MB per email) and the garbage its RSS grew by.
const toPlainText = compile({ wordwrap: false, selectors: [...plainTextSelectors, ...PLAIN_TEXT_SELECTORS] });

// HTML and plain-text versions of one React Email template (R-N6: every email carries both).
// Note: needs react-dom/server, so it runs in Node's default conditions (route handlers, server
// actions, the instrumentation timers, Vitest), not in a `--conditions=react-server` script.
// The text is converted from the rendered HTML, as render(…, { plainText: true }) would do after a
// second React render: a catch-up sweep renders thousands of emails, and each render is the most
// time and garbage its batch makes.
export async function renderEmail(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}
