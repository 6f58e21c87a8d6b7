import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "./support/fixtures";

// Issue 15 items 1 and 4, on the deployable build itself (`npm run build` made it; the suite's
// server runs it too): `node .next/standalone/server.js` refuses to start without the production
// settings, and on SIGTERM lets a request in flight finish, refuses new connections and exits 0.
// Each test starts its own instance, on the port after the suite's, on an embedded database of its own.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const ENTRY = path.join(process.cwd(), ".next", "standalone", "server.js");

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startInstance(settings: Record<string, string>): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", ...settings };
  // Only what the test gives: none of the suite's own database, secret or origin.
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "PORTAL_DEMO_MODE"]) if (!(name in settings)) delete env[name];
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

function connects(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

const tempDirs: string[] = [];
function pgliteDir(): string {
  const dir = mkdtempSync(path.join(process.cwd(), ".data", "standalone-"));
  tempDirs.push(dir);
  return dir;
}

test.afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

for (const [missing, given] of [
  ["NEXTAUTH_SECRET", { NEXTAUTH_URL: "https://billing.example.com" }],
  ["NEXTAUTH_URL", { NEXTAUTH_SECRET: "standalone-test-secret" }],
] as const) {
  test(`outside demo mode the standalone server refuses to start without ${missing}, naming it`, async () => {
    const instance = startInstance({ PORTAL_DEMO_MODE: "off", PGLITE_DIR: pgliteDir(), ...given });
    expect(await instance.exited).toBe(1);
    expect(instance.output()).toContain(`${missing} must be set outside demo mode.`);
    expect(await connects()).toBe(false);
  });
}

test("a wrong setting stops the standalone server at start, naming the setting", async () => {
  const instance = startInstance({ PORTAL_DEMO_MODE: "on", PGLITE_DIR: pgliteDir(), SHUTDOWN_TIMEOUT_MS: "soon" });
  expect(await instance.exited).toBe(1);
  expect(instance.output()).toMatch(/SHUTDOWN_TIMEOUT_MS: must be a whole number/);
});

test("on SIGTERM a request in flight completes, new connections are refused, and the server exits 0", async () => {
  const instance = startInstance({ PORTAL_DEMO_MODE: "on", PGLITE_DIR: pgliteDir(), SHUTDOWN_TIMEOUT_MS: "20000" });
  try {
    await expect.poll(() => /"msg":"listening"/.test(instance.output()), { timeout: 90_000 }).toBe(true);
    expect(await connects()).toBe(true);

    // A sign-in whose body is still arriving: next-auth answers only once it has all of it.
    const body = `csrfToken=none&email=${encodeURIComponent("billing@acme.example")}&password=not-the-password&json=true`;
    const socket = net.connect(PORT, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.on("data", (chunk) => (response += chunk));
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      [
        "POST /api/auth/callback/credentials HTTP/1.1",
        `Host: 127.0.0.1:${PORT}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${body.length}`,
        "Connection: close",
        "",
        body.slice(0, 20),
      ].join("\r\n"),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalled = performance.now();
    instance.child.kill("SIGTERM");
    await expect.poll(connects, { timeout: 5_000 }).toBe(false);
    expect(response).toBe("");

    socket.write(body.slice(20));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 [1-4]\d\d /);
    expect(response).toMatch(/^x-request-id: \S+/im);

    expect(await instance.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(20_000);
    const log = instance.output();
    expect(log).toMatch(/"msg":"shutdown started"/);
    expect(log).toMatch(/"route":"\/api\/auth\/callback\/credentials"/);
    expect(log).toMatch(/"cut":0,"msg":"shutdown complete"/);
  } finally {
    if (instance.child.exitCode === null) instance.child.kill("SIGKILL");
  }
});
