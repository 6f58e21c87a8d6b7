import "server-only";
import { stringify, type Options } from "csv-stringify/sync";
import { countExportChunk, countExportEnd } from "@/lib/metrics/registry";
import { neutraliseNumber, neutraliseText } from "./csv-cells";

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
  const options: Options = { record_delimiter: "windows", delimiter };
  const header = BOM + stringify([columns.map((c) => c.header)], options);
  const toCsv = (batch: Row[]) =>
    stringify(
      batch.map((row) => columns.map((c) => cell(c, row))),
      options,
    );
  return new Response(batchedBody(header, batches, toCsv), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// A body that writes one batch per read, so backpressure holds: nothing is fetched until the
// client has taken the previous chunk. A client that goes away ends the source iterator (its
// `finally` blocks run), which stops the export at the next batch. Rows, bytes and how the body
// ended are counted for the metrics page.
function batchedBody<Row>(head: string, batches: AsyncIterable<Row[]> | Iterable<Row[]>, toText: (batch: Row[]) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const bytes = encoder.encode(head);
        countExportChunk(0, bytes.byteLength);
        controller.enqueue(bytes);
      },
      async pull(controller) {
        try {
          for (;;) {
            const { done, value } = await source.next();
            if (done) {
              countExportEnd("complete");
              return controller.close();
            }
            if (value.length === 0) continue;
            const bytes = encoder.encode(toText(value));
            countExportChunk(value.length, bytes.byteLength);
            return controller.enqueue(bytes);
          }
        } catch (error) {
          countExportEnd("failed");
          throw error;
        }
      },
      async cancel() {
        countExportEnd("cancelled");
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
