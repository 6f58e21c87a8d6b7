import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { SESSION_USERS, sessionFile, signIn } from "./support/session";

// Signs each user the specs act as in once, through the real sign-in form, and saves the session
// (cookies) for the specs to reuse: a sign-in costs an argon2 hash and several page loads.
setup.describe.configure({ mode: "parallel" });

for (const { email, password } of SESSION_USERS) {
  setup(`sign in ${email}`, async ({ page }) => {
    await signIn(page, email, password);
    mkdirSync(path.dirname(sessionFile(email)), { recursive: true });
    await page.context().storageState({ path: sessionFile(email) });
  });
}
