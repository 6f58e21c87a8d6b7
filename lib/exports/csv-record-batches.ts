// PostgreSQL's COPY … (FORMAT csv) ends every record with LF; the download ends them with CRLF
// (R-E2), as csv-stringify writes them. A line feed inside a quoted field is data and stays as
// it is. COPY quotes a field with `"` and doubles the quotes inside it, so a line feed ends a
// record exactly when the quotes seen before it are even in number.
//
// The bytes are also cut into batches of `batchRows` whole records, the unit the export streams,
// counts for its audit event and stops at when the client goes away.

export type CsvBatch = { bytes: Uint8Array; rows: number };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export class CsvRecordBatches {
  private inQuotes = false;
  private parts: Uint8Array[] = [];
  private rows = 0;

  constructor(private readonly batchRows: number) {
    if (!(batchRows > 0)) throw new RangeError("batchRows must be positive");
  }

  // The batches that `chunk` completes; the rest waits for the next chunk (or `end`).
  // Note: native indexOf and copy per record, not a loop over every byte in JavaScript, which
  // took three times as long in bench/csv-export.ts's export of 800 000 rows.
  push(chunk: Uint8Array): CsvBatch[] {
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const done: CsvBatch[] = [];
    // At most one CR is added per LF, so twice the chunk is always room enough.
    let out = Buffer.allocUnsafe(input.length * 2);
    let o = 0;
    let copied = 0; // input before this has been copied to `out`
    let from = 0; // where to look for the next line feed
    let quote = input.indexOf(QUOTE);
    for (let lf = input.indexOf(LF); lf !== -1; lf = input.indexOf(LF, from)) {
      for (; quote !== -1 && quote < lf; quote = input.indexOf(QUOTE, quote + 1)) this.inQuotes = !this.inQuotes;
      from = lf + 1;
      if (this.inQuotes) continue; // a line feed inside a quoted field: data
      o += input.copy(out, o, copied, lf);
      out[o++] = CR;
      out[o++] = LF;
      copied = from;
      if (++this.rows === this.batchRows) {
        this.parts.push(out.subarray(0, o));
        done.push(this.take());
        out = out.subarray(o);
        o = 0;
      }
    }
    for (; quote !== -1; quote = input.indexOf(QUOTE, quote + 1)) this.inQuotes = !this.inQuotes;
    o += input.copy(out, o, copied);
    if (o > 0) this.parts.push(out.subarray(0, o));
    return done;
  }

  // The last, possibly short, batch; null when nothing is left. Bytes after the last record end
  // would mean a cut-off record: refused, so a broken COPY never passes for a complete file.
  end(): CsvBatch | null {
    const rest = this.parts.length > 0 ? this.take() : null;
    if (this.inQuotes || (rest && rest.bytes[rest.bytes.length - 1] !== LF)) throw new Error("COPY output ended inside a record");
    return rest;
  }

  private take(): CsvBatch {
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    const batch = { bytes, rows: this.rows };
    this.parts = [];
    this.rows = 0;
    return batch;
  }
}
