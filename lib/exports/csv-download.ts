import "server-only";
import { stringify, type Options } from "csv-stringify/sync";
import { countExportChunk, countExportEnd } from "@/lib/metrics/registry";
import { neutraliseNumber, neutraliseText } from "./csv-cells";
import type { CsvBatch } from "./csv-record-batches";

export type CsvColumn<Row> = {
  header: string;
  // "number" cells are plain decimals (minorToDecimalString); everything else is text.
  kind?: "text" | "number";
  value: (row: Row) => string | number | null | undefined;
};

export type CsvDownload<Row> = {
  filename: string;
  columns: CsvColumn<Row>[];
  // Rows in batches (keysetBatches): each batch becomes one chunk of the body.
  batches: AsyncIterable<Row[]> | Iterable<Row[]>;
  delimiter?: "," | ";";
};

const BOM = "\uFEFF";

// Note: quote_record_delimiter quotes a cell holding a lone CR or LF too (RFC 4180), as COPY does;
// with an explicit record_delimiter csv-stringify would otherwise quote only a whole CRLF, and a
// spreadsheet would end the row at the lone LF. (Validated invoice numbers and references cannot
// hold line breaks; older or imported data could.)
function csvOptions(delimiter: "," | ";"): Options {
  return { record_delimiter: "windows", quote_record_delimiter: true, delimiter };
}

function cell<Row>(column: CsvColumn<Row>, row: Row): string {
  const raw = column.value(row);
  if (raw === null || raw === undefined) return "";
  const text = String(raw);
  return column.kind === "number" ? neutraliseNumber(text) : neutraliseText(text);
}

// Streams rows as a spreadsheet-safe CSV download (R-E2, R-E3): UTF-8 with BOM, CRLF, a header
// row, every cell neutralised against formula injection, constant memory whatever the row count.
// Note: csv-stringify's sync API writes a whole batch per call. Its stream API costs a
// transform step and an event per row, which made million-row exports twice as slow.
export function csvDownload<Row>({ filename, columns, batches, delimiter = "," }: CsvDownload<Row>): Response {
  const options = csvOptions(delimiter);
  const encoder = new TextEncoder();
  const toCsv = (batch: Row[]): CsvBatch | null =>
    batch.length === 0
      ? null
      : {
          bytes: encoder.encode(
            stringify(
              batch.map((row) => columns.map((c) => cell(c, row))),
              options,
            ),
          ),
          rows: batch.length,
        };
  return csvResponse(filename, pulledBody(csvHead(columns, delimiter), batches, toCsv));
}

export type CsvBytesDownload = {
  filename: string;
  columns: Pick<CsvColumn<never>, "header">[];
  // Whole CSV records, already written and neutralised (PostgreSQL's COPY, see
  // lib/exports/copy-csv-batches.ts): each batch becomes one chunk of the body.
  batches: AsyncIterable<CsvBatch>;
  delimiter?: "," | ";";
  // Called first when the client goes away, so a producer waiting on the database stops at once.
  onCancel?: () => void;
};

// The same download, from records written elsewhere: only the BOM and header row are written here.
export function csvBytesDownload({ filename, columns, batches, delimiter = ",", onCancel }: CsvBytesDownload): Response {
  return csvResponse(
    filename,
    pulledBody(csvHead(columns, delimiter), batches, (batch) => (batch.rows === 0 ? null : batch), onCancel),
  );
}

function csvHead(columns: Pick<CsvColumn<never>, "header">[], delimiter: "," | ";"): Uint8Array {
  return new TextEncoder().encode(BOM + stringify([columns.map((c) => c.header)], csvOptions(delimiter)));
}

function csvResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      // Stream through a reverse proxy instead of letting it read the whole file ahead of the
      // client (nginx buffers by default): backpressure then reaches the database, the export's
      // slot is held for as long as the download really lasts, and a dying instance cuts the
      // client's download instead of leaving a proxy-buffered copy that looks complete.
      "X-Accel-Buffering": "no",
    },
  });
}

// A body that writes one batch per read, so backpressure holds: nothing is fetched until the
// client has taken the previous chunk. A client that goes away ends the source iterator (its
// `finally` blocks run), which stops the export at the next batch. Rows, bytes and how the body
// ended are counted for the metrics page.
// An error from the source errors the body: the response is aborted, never ended cleanly, so a
// client sees a broken download (no chunked terminator), not a short file that looks complete.
function pulledBody<Batch>(
  head: Uint8Array,
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  toCsv: (batch: Batch) => CsvBatch | null,
  onCancel?: () => void,
): ReadableStream<Uint8Array> {
  const source = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        countExportChunk(0, head.byteLength);
        controller.enqueue(head);
      },
      async pull(controller) {
        try {
          for (;;) {
            const { done, value } = await source.next();
            if (done) {
              countExportEnd("complete");
              return controller.close();
            }
            const csv = toCsv(value);
            if (!csv) continue;
            countExportChunk(csv.rows, csv.bytes.byteLength);
            return controller.enqueue(csv.bytes);
          }
        } catch (error) {
          countExportEnd("failed");
          throw error;
        }
      },
      async cancel() {
        countExportEnd("cancelled");
        onCancel?.();
        await source.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

// Reads a result in keyset-ordered batches, so a million-row export never holds more than two of
// them. `fetchBatch(after, limit)` returns up to `limit` rows after the cursor row. The next batch
// is fetched while the caller writes the current one.
export async function* keysetBatches<Row>(fetchBatch: (after: Row | null, limit: number) => Promise<Row[]>, batchSize = 2000): AsyncGenerator<Row[]> {
  let next: Promise<Row[]> | null = fetchBatch(null, batchSize);
  try {
    while (next) {
      const batch: Row[] = await next;
      next = batch.length < batchSize ? null : fetchBatch(batch[batch.length - 1], batchSize);
      yield batch;
    }
  } finally {
    // Stopped early (client gone): the prefetched batch is not wanted, nor is its error.
    next?.catch(() => {});
  }
}
