import "server-only";
import http from "node:http";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/log";
import { handleWithRequestLog, type RequestHandler } from "./request-log";
import { markShuttingDown } from "./shutdown-state";
import { stopBackgroundWork } from "./shutdown";

export type ServeOptions = {
  handle: RequestHandler;
  port: number;
  hostname: string;
  // Injected by tests; the server entry leaves the defaults (SHUTDOWN_TIMEOUT_MS, process.exit).
  shutdownTimeoutMs?: number;
  stopBackgroundWork?: () => Promise<void>;
  exit?: (code: number) => void;
  // The signals that start the shutdown; tests pass [] and call `shutdown` themselves.
  signals?: NodeJS.Signals[];
};

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export type PortalHttpServer = { server: http.Server; shutdown: (reason: string) => Promise<void> };

// The portal's HTTP server around Next's request handler (scripts/serve.mjs starts it): a JSON log
// line per request, and a graceful shutdown on SIGTERM/SIGINT. Note: a server of our own rather
// than NEXT_MANUAL_SIG_HANDLE with Next's, because only the owner of the http.Server can stop
// accepting connections and knows which requests (a streaming export) are still in flight.
export async function servePortal(options: ServeOptions): Promise<PortalHttpServer> {
  const timeoutMs = options.shutdownTimeoutMs ?? env().SHUTDOWN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const inFlight = new Set<http.ServerResponse>();
  let drained: (() => void) | null = null;
  let stopping: Promise<void> | null = null;

  const server = http.createServer((request, response) => {
    // A request on a kept-alive connection after SIGTERM: refused, and the connection closed, so
    // the client (or the proxy) retries on another instance.
    if (stopping) {
      response.writeHead(503, { "Content-Type": "text/plain", Connection: "close", "Retry-After": "1" }).end("Shutting down\n");
      return;
    }
    inFlight.add(response);
    response.once("close", () => {
      inFlight.delete(response);
      if (stopping) server.closeIdleConnections();
      if (inFlight.size === 0) drained?.();
    });
    handleWithRequestLog(request, response, options.handle).catch((error) => {
      logger().error({ err: errorFields(error) }, "request handler failed");
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  // Kept-alive connections stay open when idle for longer than a proxy's or a client's own idle
  // timeout (nginx's upstream keepalive: 60 s). Node's default, 5 s, closes one just as a client
  // reuses it, which the client sees as a reset (ECONNRESET) and a proxy answers with a 502.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  async function stop(reason: string): Promise<void> {
    const started = performance.now();
    markShuttingDown();
    logger().info({ reason, inFlight: inFlight.size, timeoutMs }, "shutdown started");
    // No new connections from here on (the listening socket closes); idle kept-alive ones close now.
    server.close();
    server.closeIdleConnections();
    const finished = inFlight.size === 0 || (await waitUntil(new Promise<void>((resolve) => (drained = resolve)), timeoutMs));
    const cut = inFlight.size;
    if (!finished) {
      logger().warn({ cut }, "shutdown deadline passed: cutting off the requests still in flight");
      server.closeAllConnections();
    }
    try {
      await (options.stopBackgroundWork ?? stopBackgroundWork)();
    } catch (error) {
      logger().error({ err: errorFields(error) }, "shutdown: stopping the jobs or closing the pool failed");
      return exit(1);
    }
    logger().info({ durationMs: Math.round(performance.now() - started), cut }, "shutdown complete");
    exit(0);
  }

  const shutdown = (reason: string) => (stopping ??= stop(reason));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, resolve);
  });
  for (const signal of options.signals ?? ["SIGTERM", "SIGINT"]) process.once(signal, () => void shutdown(signal));
  logger().info({ port: options.port, hostname: options.hostname }, "listening");
  return { server, shutdown };
}

// Resolves true when `promise` settles within `ms`, false when the time runs out first.
async function waitUntil(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
