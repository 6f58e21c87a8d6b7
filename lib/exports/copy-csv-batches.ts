import "server-only";
import { copyCsvOut, type CopyQuery } from "@/db/copy-csv-out";
import { CsvRecordBatches, type CsvBatch } from "./csv-record-batches";

// A query's rows as CSV records written by PostgreSQL (COPY, db/copy-csv-out.ts), with the
// download's CRLF record ends, in batches of `batchRows` records (./csv-record-batches).
export async function* copyCsvBatches(query: CopyQuery, options: { delimiter: "," | ";"; batchRows: number; signal?: AbortSignal }): AsyncGenerator<CsvBatch> {
  const records = new CsvRecordBatches(options.batchRows);
  for await (const chunk of copyCsvOut(query, options)) yield* records.push(chunk);
  const rest = records.end();
  if (rest) yield rest;
}
