import "server-only";
import { render, toPlainText } from "@react-email/components";

// Headings keep their case in the text version (the default shouts them).
const PLAIN_TEXT_SELECTORS = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

// HTML and plain-text versions of one React Email template (R-N6: every email carries both).
// Note: needs react-dom/server, so it runs in Node's default conditions (route handlers, server
// actions, the instrumentation timers, Vitest), not in a `--conditions=react-server` script.
// The text is converted from the rendered HTML, as render(…, { plainText: true }) would do after a
// second React render: a catch-up sweep renders thousands of emails, and each render is the most
// time and garbage its batch makes.
export async function renderEmail(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html, { selectors: PLAIN_TEXT_SELECTORS }) };
}
