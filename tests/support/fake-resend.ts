// A local stand-in for the part of Resend's HTTP API the SDK uses to send (POST /emails), so tests
// never reach Resend. Point the SDK at it with RESEND_BASE_URL. It records every request, answers
// from a script (200, 429 with Retry-After, 500, a timeout, 422), and, like Resend, treats a repeated
// Idempotency-Key as the same email: it answers with the first id and delivers nothing new.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type FakeReply =
  | { status: 200 }
  | { status: 429; retryAfterSeconds: number }
  | { status: 500 }
  | { status: 422; message?: string }
  // A 200 whose body is JSON null: the SDK returns neither data nor an error (nothing says it was sent).
  | { status: "empty" }
  // Accepts the email (it is delivered) but answers only after `delayMs`, past the client's timeout.
  | { status: "timeout"; delayMs: number };

export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: { from?: string; to?: string | string[]; subject?: string; html?: string; text?: string };
  reply: FakeReply["status"];
};

export type FakeResend = {
  url: string;
  requests: RecordedRequest[];
  // Idempotency-Key → provider id, one entry per email actually delivered.
  deliveries: Map<string, string>;
  // Queue replies for the next requests; once the queue is empty every request gets 200.
  enqueue: (...replies: FakeReply[]) => void;
  // Or answer every request the same way until changed (null: back to the queue/200).
  always: (reply: FakeReply | null) => void;
  close: () => Promise<void>;
};

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

// `port`: a fixed loopback port (scripts/cluster.ts keeps to its range); any free port by default.
export async function startFakeResend(options: { port?: number } = {}): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const deliveries = new Map<string, string>();
  const queue: FakeReply[] = [];
  let fixed: FakeReply | null = null;
  let ids = 0;
  const sockets = new Set<Socket>();

  const deliver = (key: string | undefined) => {
    if (key && deliveries.has(key)) return deliveries.get(key)!;
    const id = `fake-${++ids}`;
    deliveries.set(key ?? id, id);
    return id;
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const key = req.headers["idempotency-key"] as string | undefined;
    if (req.method !== "POST" || req.url !== "/emails") return json(res, 404, { statusCode: 404, name: "not_found", message: "Not found" });
    const reply = fixed ?? queue.shift() ?? { status: 200 };
    requests.push({ method: req.method, path: req.url, authorization: req.headers.authorization, idempotencyKey: key, body: JSON.parse(raw || "{}"), reply: reply.status });

    switch (reply.status) {
      case 200:
        return json(res, 200, { id: deliver(key) });
      case 429:
        return json(res, 429, { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }, { "retry-after": String(reply.retryAfterSeconds) });
      case 500:
        return json(res, 500, { statusCode: 500, name: "internal_server_error", message: "Internal server error" });
      case 422:
        return json(res, 422, { statusCode: 422, name: "validation_error", message: reply.message ?? "Invalid `to` field." });
      case "empty":
        return json(res, 200, null);
      case "timeout": {
        const id = deliver(key);
        setTimeout(() => {
          if (!res.destroyed) json(res, 200, { id });
        }, reply.delayMs).unref();
        return;
      }
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    enqueue: (...replies) => queue.push(...replies),
    always: (reply) => {
      fixed = reply;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
