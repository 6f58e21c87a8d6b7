// What the topology test does as a client: sign in and out the way the sign-in form does, fetch pages
// with the session cookie, download exports with curl (its exit code tells a complete download
// from a cut one), call the cron routes, and measure req/s with wrk.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { statSync } from "node:fs";
import { cookiesOf, signIn, type Jar } from "../sign-in-client";
import { CRON_SECRET } from "./topology";

export { signIn, type Jar };

export async function signOut(base: string, jar: Jar): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [jar.cookie, ...cookiesOf(csrf)].join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  await response.arrayBuffer();
  return response.status;
}

export type Page = { status: number; location: string | null; body: string; upstream: string | null };

export async function getPage(url: string, cookie?: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await fetch(url, { redirect: "manual", headers: { ...(cookie ? { cookie } : {}), ...headers } });
  return { status: response.status, location: response.headers.get("location"), body: await response.text(), upstream: response.headers.get("x-cluster-upstream") };
}

// POST /api/cron/<job> with the cron secret, on the clock `now` (CRON_TIME_TRAVEL) or the real one.
export async function cron(base: string, job: "reminders" | "outbox", now?: Date): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/cron/${job}`, {
    method: "POST",
    headers: { authorization: `Bearer ${CRON_SECRET}`, ...(now ? { "content-type": "application/json" } : {}) },
    body: now ? JSON.stringify({ now: now.toISOString() }) : undefined,
  });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text.slice(0, 200) };
  }
  return { status: response.status, body };
}

export type Download = {
  // curl's exit code: 0 complete; 18 (partial file) or 56 (receive failure) when the body was cut off.
  done: Promise<{ exitCode: number; httpCode: string }>;
  bytes: () => number;
  cancel: () => void;
};

// A download with curl into `file`, at most `rateLimit` bytes/s (e.g. "200k") when given.
export function download(url: string, file: string, cookie: string, options: { rateLimit?: string; headers?: Record<string, string> } = {}): Download {
  const args = ["-sS", "-N", "-o", file, "-w", "%{http_code}", "-H", `Cookie: ${cookie}`];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.rateLimit) args.push("--limit-rate", options.rateLimit);
  const child = spawn("curl", [...args, url], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", () => undefined);
  const done = once(child, "exit").then(([code]) => ({ exitCode: Number(code ?? -1), httpCode: out.trim() }));
  return {
    done,
    bytes: () => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    },
    cancel: () => child.kill("SIGTERM"),
  };
}

export type Load = { rps: number; requests: number; non2xx: number; socketErrors: number };

// wrk at concurrency 8 on two threads for `seconds`, with the session cookie (a slow answer is
// counted, not dropped: 10 s timeout).
export async function wrk(url: string, cookie: string, seconds: number): Promise<Load> {
  const child = spawn("wrk", ["-t", "2", "-c", "8", "-d", `${seconds}s`, "--timeout", "10s", "-H", `Cookie: ${cookie}`, url], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`wrk exited with ${code}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN),
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}
