import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConnection, getDb } from "@/db/client";
import { rawRows } from "@/db/raw-rows";
import { copyCsvBatches } from "@/lib/exports/copy-csv-batches";
import { csvBytesDownload } from "@/lib/exports/csv-download";
import { describeOnPostgres } from "../support/postgres-only";

// The COPY download's failure paths (issue 14 item 6): a statement that fails midway must break
// the download (the chunked body never gets its terminator), and a client that goes away must
// cancel the statement and free the pooled connection at once, even while PostgreSQL has not
// sent a row yet.

const FAILS_MIDWAY = "select g, case when g = 30000 then 1 / (g - g) else g end from generate_series(1, 60000) g";
const SUCCEEDS = "select g, g * 2 from generate_series(1, 60000) g";

function download(statement: string, options: { onCancel?: () => void; signal?: AbortSignal } = {}) {
  return csvBytesDownload({
    filename: "t.csv",
    columns: [{ header: "a" }, { header: "b" }],
    batches: copyCsvBatches({ sql: statement, params: [] }, { delimiter: ",", batchRows: 1000, signal: options.signal }),
    onCancel: options.onCancel,
  });
}

// The statement's own abort wiring, as exportInvoiceListCsv does it.
function cancellableDownload(statement: string) {
  const stop = new AbortController();
  return download(statement, { signal: stop.signal, onCancel: () => stop.abort() });
}

async function pooledClientsInUse(): Promise<number> {
  const { exportPool } = await getConnection();
  return exportPool!.totalCount - exportPool!.idleCount;
}

// Backends of this database still running a statement that contains `marker`.
async function running(marker: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    await getDb(),
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query like ${`%${marker}%`}`,
  );
  return row.n;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await new Promise((r) => setTimeout(r, 50))) if (await check()) return true;
  return check();
}

const lineFeeds = (bytes: Uint8Array) => bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);

describeOnPostgres("CSV download written by COPY", () => {
  it("errors the body after the rows before a statement's failure, never ends it cleanly", async () => {
    const reader = download(FAILS_MIDWAY).body!.getReader();
    let records = 0;
    const outcome = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended cleanly";
        records += lineFeeds(value);
      }
    })();
    await expect(outcome).rejects.toThrow(/division by zero/);
    // The header and whole batches before row 30 000 went out; the failing batch did not.
    expect(records).toBeGreaterThan(1);
    expect(records).toBeLessThan(30000);
    expect((records - 1) % 1000).toBe(0);
    expect(await eventually(async () => (await pooledClientsInUse()) === 0)).toBe(true);
  });

  it("gives every row and the pooled connection back when it succeeds", async () => {
    const text = await download(SUCCEEDS).text();
    expect(text.split("\r\n")).toHaveLength(60002);
    expect(text.endsWith("60000,120000\r\n")).toBe(true);
    expect(await pooledClientsInUse()).toBe(0);
  });

  it("cancels the statement and frees the connection when the client goes away mid-stream", async () => {
    const marker = "copycsv-midstream-marker";
    const reader = cancellableDownload(`select g, '${marker}' from (select generate_series(1, 20000000) as g) s`).body!.getReader();
    await reader.read(); // the header
    expect(lineFeeds((await reader.read()).value!)).toBe(1000);
    expect(await running(marker)).toBe(1);
    await reader.cancel();
    expect(await eventually(async () => (await running(marker)) === 0)).toBe(true);
    expect(await eventually(async () => (await pooledClientsInUse()) === 0)).toBe(true);
  });

  it("cancels a statement that has not sent a row yet when the client goes away", async () => {
    const marker = "copycsv-waiting-marker";
    const reader = cancellableDownload(`select pg_sleep(60), '${marker}'`).body!.getReader();
    await reader.read(); // the header
    const pending = reader.read(); // waits on PostgreSQL
    expect(await eventually(async () => (await running(marker)) === 1)).toBe(true);
    await reader.cancel();
    expect(await pending).toMatchObject({ done: true });
    // Long before pg_sleep(60) would have returned.
    expect(await eventually(async () => (await running(marker)) === 0)).toBe(true);
    expect(await eventually(async () => (await pooledClientsInUse()) === 0)).toBe(true);
  });

  describe("over HTTP, as Next.js sends a route's body", () => {
    let dir: string;
    let socketPath: string;
    let server: Server;

    beforeAll(async () => {
      // A Unix socket rather than a TCP port: nothing to collide with on a shared machine.
      dir = mkdtempSync(path.join(tmpdir(), "copycsv-http-"));
      socketPath = path.join(dir, "http.sock");
      server = createServer((request, response) => {
        const body = download(request.url === "/fails" ? FAILS_MIDWAY : SUCCEEDS);
        response.writeHead(200, { "content-type": "text/csv" });
        pipeToNodeResponse(body.body!, response).catch(() => {});
      });
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    });

    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    // The raw bytes of the response, until the server closes the connection.
    function fetchRaw(url: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = connect(socketPath);
        const chunks: Buffer[] = [];
        socket.on("data", (chunk) => chunks.push(chunk));
        socket.on("error", reject);
        socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
        socket.write(`GET ${url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      });
    }

    // Reads a chunked body: its data, and whether the zero-size last chunk came.
    function dechunk(raw: string): { data: string; terminated: boolean } {
      expect(raw.slice(0, raw.indexOf("\r\n\r\n"))).toMatch(/transfer-encoding: chunked/i);
      let at = raw.indexOf("\r\n\r\n") + 4;
      let data = "";
      for (;;) {
        const lineEnd = raw.indexOf("\r\n", at);
        if (lineEnd === -1) return { data, terminated: false };
        const size = parseInt(raw.slice(at, lineEnd), 16);
        if (size === 0) return { data, terminated: raw.slice(lineEnd) === "\r\n\r\n" };
        if (lineEnd + 2 + size + 2 > raw.length) return { data: data + raw.slice(lineEnd + 2), terminated: false };
        data += raw.slice(lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
    }

    it("ends a complete download with the chunked terminator", async () => {
      const { data, terminated } = dechunk(await fetchRaw("/succeeds"));
      expect(terminated).toBe(true);
      expect(data.endsWith("60000,120000\r\n")).toBe(true);
    });

    it("cuts a download whose statement fails midway without the terminator", async () => {
      const { data, terminated } = dechunk(await fetchRaw("/fails"));
      expect(terminated).toBe(false);
      // Some of the rows before the failing one (the socket is destroyed, not drained), then nothing.
      expect(data.startsWith("\xEF\xBB\xBFa,b\r\n1,1\r\n")).toBe(true); // the BOM, read as latin1
      expect(data).not.toContain("30000,");
      expect(await eventually(async () => (await pooledClientsInUse()) === 0)).toBe(true);
    });
  });
});
