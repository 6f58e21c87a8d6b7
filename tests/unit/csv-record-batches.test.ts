import { describe, expect, it } from "vitest";
import { CsvRecordBatches, type CsvBatch } from "@/lib/exports/csv-record-batches";

// What PostgreSQL's COPY … (FORMAT csv) writes: LF after each record, quoted fields may hold LF,
// CR and doubled quotes.
const COPY_OUTPUT = 'a,1\n"x\ny",2\n"say ""hi""\r\n",3\n"""",4\n,5\n"a,b\n\n",6\nlast,7\n';
const EXPECTED = 'a,1\r\n"x\ny",2\r\n"say ""hi""\r\n",3\r\n"""",4\r\n,5\r\n"a,b\n\n",6\r\nlast,7\r\n';

function run(chunks: string[], batchRows: number): CsvBatch[] {
  const records = new CsvRecordBatches(batchRows);
  const batches = chunks.flatMap((c) => records.push(new TextEncoder().encode(c)));
  const rest = records.end();
  return rest ? [...batches, rest] : batches;
}

const text = (batches: CsvBatch[]) => batches.map((b) => new TextDecoder().decode(b.bytes)).join("");

describe("CsvRecordBatches", () => {
  it("ends records with CRLF and leaves line breaks inside quoted fields alone", () => {
    expect(text(run([COPY_OUTPUT], 100))).toBe(EXPECTED);
  });

  it("gives the same bytes however the input is cut, even inside a quoted field", () => {
    for (const size of [1, 2, 3, 5, 7]) {
      const chunks = Array.from({ length: Math.ceil(COPY_OUTPUT.length / size) }, (_, i) => COPY_OUTPUT.slice(i * size, (i + 1) * size));
      expect(text(run(chunks, 100))).toBe(EXPECTED);
    }
  });

  it("cuts batches of whole records and counts them", () => {
    const batches = run([COPY_OUTPUT.slice(0, 9), COPY_OUTPUT.slice(9)], 3);
    expect(batches.map((b) => b.rows)).toEqual([3, 3, 1]);
    expect(new TextDecoder().decode(batches[0].bytes)).toBe('a,1\r\n"x\ny",2\r\n"say ""hi""\r\n",3\r\n');
    expect(text(batches)).toBe(EXPECTED);
  });

  it("writes nothing for no rows", () => {
    expect(run([], 10)).toEqual([]);
  });

  it("refuses output that stops inside a record", () => {
    expect(() => run(["a,1\nb,2"], 10)).toThrow(/inside a record/);
    expect(() => run(['a,1\n"b\n'], 10)).toThrow(/inside a record/);
  });
});
