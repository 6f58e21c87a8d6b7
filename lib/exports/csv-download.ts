import "server-only";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { neutraliseNumber, neutraliseText } from "./csv-cells";
import { readableToWebStream } from "./web-stream";

export type CsvColumn<Row> = {
  header: string;
  // "number" cells are plain decimals (minorToDecimalString); everything else is text.
  kind?: "text" | "number";
  value: (row: Row) => string | number | null | undefined;
};

export type CsvDownload<Row> = {
  filename: string;
  columns: CsvColumn<Row>[];
  rows: AsyncIterable<Row>;
  delimiter?: "," | ";";
};

function cell<Row>(column: CsvColumn<Row>, row: Row): string {
  const raw = column.value(row);
  if (raw === null || raw === undefined) return "";
  const text = String(raw);
  return column.kind === "number" ? neutraliseNumber(text) : neutraliseText(text);
}

// Streams rows as a spreadsheet-safe CSV download (R-E2, R-E3): UTF-8 with BOM, CRLF, a header
// row, every cell neutralised against formula injection, constant memory whatever the row count.
export function csvDownload<Row>({ filename, columns, rows, delimiter = "," }: CsvDownload<Row>): Response {
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield columns.map((c) => cell(c, row));
    })(),
    { objectMode: true, highWaterMark: 64 },
  );
  const stringifier = stringify({ bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: "windows", delimiter, quoted_match: /^\s|\s$/ });
  records.on("error", (error) => stringifier.destroy(error));
  stringifier.on("close", () => records.destroy());
  records.pipe(stringifier);
  return new Response(readableToWebStream(stringifier), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// Reads a result in keyset-ordered batches and yields row by row, so a million-row export never
// holds more than one batch. `fetchBatch(after, limit)` returns rows after the cursor row.
export async function* keysetRows<Row>(fetchBatch: (after: Row | null, limit: number) => Promise<Row[]>, batchSize = 2000, maxRows = Infinity): AsyncGenerator<Row> {
  let after: Row | null = null;
  let emitted = 0;
  while (emitted < maxRows) {
    const batch = await fetchBatch(after, Math.min(batchSize, maxRows - emitted));
    for (const row of batch) yield row;
    emitted += batch.length;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1];
  }
}
