// Issue 15 item 4: on SIGTERM the server stops accepting connections, lets the requests in flight
// finish up to SHUTDOWN_TIMEOUT_MS, then stops the background work and exits 0. Driven here with a
// stand-in for Next's handler; tests/server/standalone.test.ts does it to the real build.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log";
import { KEEP_ALIVE_TIMEOUT_MS, servePortal, type PortalHttpServer } from "@/lib/server/http-server";
import { isShuttingDown } from "@/lib/server/shutdown-state";

const PORT = 3893;

type Slow = { entered: Promise<void>; release: () => void };

function slowRoute(order: string[] = []): Slow & { handle: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> } {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    entered,
    release,
    handle: async (request, response) => {
      if (request.url === "/slow") {
        // The first half of an export goes out at once, the rest when the test says so.
        response.writeHead(200, { "Content-Type": "text/csv" });
        response.write("id,amount\n");
        enter();
        await released;
        response.end("1,100\n# rows: 1\n", () => order.push("export sent"));
        return;
      }
      response.end("fast");
    },
  };
}

function get(path: string, agent?: http.Agent): Promise<{ status: number; body: string; requestId?: string }> {
  return new Promise((resolve, reject) => {
    // A connection of its own unless an agent is given (Node's global agent would reuse a socket of an earlier test's server).
    const request = http.get({ host: "127.0.0.1", port: PORT, path, agent: agent ?? new http.Agent({ keepAlive: false }) }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body, requestId: response.headers["x-request-id"] as string | undefined }));
      // Cut off mid-body: no chunked terminator arrived, so the download is incomplete, not "done".
      response.on("close", () => response.complete || reject(new Error("response cut off before its end")));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

function connects(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(PORT, "127.0.0.1", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

let running: PortalHttpServer | undefined;

afterEach(() => {
  running?.server.closeAllConnections();
  running?.server.close();
  running = undefined;
});

describe("kept-alive connections", () => {
  it("stay open when idle past Node's 5 s default, so a client reusing one is not reset", { timeout: 20_000 }, async () => {
    running = await servePortal({ handle: slowRoute().handle, port: PORT, hostname: "127.0.0.1", signals: [] });
    expect(running.server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(running.server.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get("/fast", agent)).body).toBe("fast");
      const [socket] = Object.values(agent.freeSockets).flat();
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect(socket?.destroyed).toBe(false);
      expect((await get("/fast", agent)).body).toBe("fast");
      expect(Object.values(agent.freeSockets).flat()[0]).toBe(socket);
    } finally {
      agent.destroy();
    }
  });
});

describe("graceful shutdown", () => {
  it("finishes the export in flight, refuses new connections, then stops the jobs and exits 0 within the deadline", async () => {
    const order: string[] = [];
    const route = slowRoute(order);
    const exit = vi.fn((code: number) => void order.push(`exit ${code}`));
    const stopBackgroundWork = vi.fn(async () => void order.push("background work stopped"));
    running = await servePortal({ handle: route.handle, port: PORT, hostname: "127.0.0.1", shutdownTimeoutMs: 10_000, stopBackgroundWork, exit, signals: [] });

    expect((await get("/fast")).body).toBe("fast");
    const slow = get("/slow");
    await route.entered;

    const started = performance.now();
    const shutdown = running.shutdown("SIGTERM");
    expect(isShuttingDown()).toBe(true);
    expect(await connects()).toBe(false);
    expect(stopBackgroundWork).not.toHaveBeenCalled();

    route.release();
    const response = await slow;
    await shutdown;
    expect(response).toMatchObject({ status: 200, body: "id,amount\n1,100\n# rows: 1\n" });
    expect(order).toEqual(["export sent", "background work stopped", "exit 0"]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("cuts off what is still in flight at the deadline (the client sees a broken download) and still exits 0", async () => {
    const route = slowRoute();
    const exit = vi.fn();
    const stopBackgroundWork = vi.fn(async () => undefined);
    running = await servePortal({ handle: route.handle, port: PORT, hostname: "127.0.0.1", shutdownTimeoutMs: 300, stopBackgroundWork, exit, signals: [] });

    const lines = vi.spyOn(logger(), "info");
    const slow = get("/slow");
    await route.entered;
    const started = performance.now();
    await running.shutdown("SIGTERM");
    const elapsed = performance.now() - started;

    await expect(slow).rejects.toThrow();
    // Its log line says it did not complete.
    await vi.waitFor(() => expect(lines).toHaveBeenCalledWith(expect.objectContaining({ route: "/slow", aborted: true }), "request"));
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(5_000);
    expect(stopBackgroundWork).toHaveBeenCalledOnce();
    expect(exit).toHaveBeenCalledWith(0);
    route.release();
  });

  it("answers a request that arrives on a kept-alive connection after SIGTERM with 503 and closes it", async () => {
    const route = slowRoute();
    running = await servePortal({
      handle: route.handle,
      port: PORT,
      hostname: "127.0.0.1",
      shutdownTimeoutMs: 5_000,
      stopBackgroundWork: async () => undefined,
      exit: () => undefined,
      signals: [],
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const slow = get("/slow", agent);
    await route.entered;
    // Queued behind the export on the same kept-alive socket, so it is read after the shutdown began.
    const shutdown = running.shutdown("SIGTERM");
    const queued = get("/fast", agent);
    route.release();
    expect((await slow).status).toBe(200);
    const late = await queued.catch(() => ({ status: 0 }));
    // Either refused outright (the socket closed) or told to go elsewhere; never served.
    expect([0, 503]).toContain(late.status);
    await shutdown;
    agent.destroy();
  });

  it("returns an X-Request-Id on every response", async () => {
    const route = slowRoute();
    running = await servePortal({ handle: route.handle, port: PORT, hostname: "127.0.0.1", stopBackgroundWork: async () => undefined, exit: () => undefined, signals: [] });
    const first = await get("/fast");
    const second = await get("/fast");
    expect(first.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.requestId).not.toBe(first.requestId);
  });
});
