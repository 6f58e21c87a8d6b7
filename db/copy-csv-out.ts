import "server-only";
import { Connection, type PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { getConnection } from "./client";
import { inlineParams } from "./inline-params";

// Streams `COPY (<query>) TO STDOUT WITH (FORMAT csv)`: PostgreSQL writes the CSV itself, so the
// rows never become JavaScript objects. PostgreSQL only (PGlite has no COPY TO STDOUT stream).
//
// A connection of the export pool (EXPORT_POOL_MAX) is held while the bytes flow and handed back at the end. When the reader
// stops early (the download's client went away: `return()` on this generator, or `signal`
// aborts while a chunk is awaited), the statement is cancelled with the protocol's cancel request
// (process id and secret key, so it can never reach another session) and the connection is
// destroyed rather than returned half-read. An error from the server (a statement that fails
// midway) is thrown to the reader after the rows before it, so the download ends broken.

export type CopyQuery = { sql: string; params: unknown[] };

export async function* copyCsvOut(query: CopyQuery, options: { delimiter: string; signal?: AbortSignal }): AsyncGenerator<Buffer> {
  const { exportPool: pool } = await getConnection();
  if (!pool) throw new Error("COPY needs PostgreSQL (DATABASE_URL)");
  if (!/^[,;]$/.test(options.delimiter)) throw new RangeError(`Unsupported CSV delimiter ${JSON.stringify(options.delimiter)}`);
  const client: PoolClient = await pool.connect();
  const copy = copyTo(`copy (${inlineParams(query)}) to stdout with (format csv, delimiter '${options.delimiter}')`);
  // After the reader has gone, node-postgres may still report the destroyed connection on the stream.
  copy.on("error", () => {});
  let cancelled = false;
  const cancel = () => {
    if (cancelled) return;
    cancelled = true;
    sendCancelRequest(client);
  };
  let finished = false;
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    if (options.signal?.aborted) throw options.signal.reason;
    for await (const chunk of client.query(copy)) yield chunk as Buffer;
    finished = true;
  } finally {
    options.signal?.removeEventListener("abort", cancel);
    if (!finished) cancel();
    client.release(finished ? undefined : true);
  }
}

// PostgreSQL's cancel request for `client`'s running statement: a short connection of its own
// carrying the backend's process id and secret key (node-postgres keeps both from the start-up).
// Fire and forget: if it fails, the server still stops at its next write to the destroyed
// connection.
function sendCancelRequest(client: PoolClient) {
  const { host, port, processID, secretKey } = client as PoolClient & { host: string; port: number; processID: number; secretKey: number };
  const connection = new Connection() as Connection & { cancel(processID: number, secretKey: number): void; connect(portOrPath: number | string, host?: string): void };
  connection.on("error", () => {});
  connection.once("connect", () => connection.cancel(processID, secretKey));
  if (host.startsWith("/")) connection.connect(`${host}/.s.PGSQL.${port}`);
  else connection.connect(port, host);
}
