import "server-only";
import { render } from "@react-email/components";

// Headings keep their case in the text version (the default shouts them).
const PLAIN_TEXT_SELECTORS = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

// HTML and plain-text versions of one React Email template (R-N6: every email carries both).
// Note: needs react-dom/server, so it runs in Node's default conditions (route handlers, server
// actions, the instrumentation timers, Vitest), not in a `--conditions=react-server` script.
export async function renderEmail(element: React.ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: { selectors: PLAIN_TEXT_SELECTORS } })]);
  return { html, text };
}
