import { describe, expect, it } from "vitest";
import { csvDownload, keysetBatches } from "@/lib/exports/csv-download";
import { neutraliseNumber, neutraliseText } from "@/lib/exports/csv-cells";

describe("neutraliseText", () => {
  for (const dangerous of ["=1+1", "+1", "-1", "@SUM(1)", "\t=1", "\r=1", "\n=1", "\0x", "＝1", "＋1", "－1", "＠x"]) {
    it(`prefixes ${JSON.stringify(dangerous)} with a quote`, () => {
      expect(neutraliseText(dangerous)).toBe(`'${dangerous}`);
    });
  }
  for (const safe of ["", "INV-1", "Hosting, monthly", 'He said "hi"', " =not first"]) {
    it(`leaves ${JSON.stringify(safe)} alone`, () => {
      expect(neutraliseText(safe)).toBe(safe);
    });
  }
});

describe("neutraliseNumber", () => {
  it("keeps plain decimals, negative ones included", () => {
    expect(["12.50", "-12.50", "0", "1500", "-5"].map(neutraliseNumber)).toEqual(["12.50", "-12.50", "0", "1500", "-5"]);
  });
  it("treats anything else as text", () => {
    expect(neutraliseNumber("-1+cmd")).toBe("'-1+cmd");
    // Ends like a number but is a formula: the whole value must be a decimal, not only its tail.
    expect(["=1+2", "+1", "@1", "=SUM(A1)*2.50"].map(neutraliseNumber)).toEqual(["'=1+2", "'+1", "'@1", "'=SUM(A1)*2.50"]);
    expect(neutraliseNumber("-12.50=1+1")).toBe("'-12.50=1+1");
  });
});

describe("csvDownload", () => {
  it("writes a BOM, a header row, CRLF line ends and quoted cells", async () => {
    async function* batches() {
      yield [{ a: 'x, "y"\nz', b: "-3.00" }];
      yield [];
      yield [{ a: '=HYPERLINK("http://x")', b: "4.10" }];
    }
    const response = csvDownload({
      filename: "t.csv",
      columns: [
        { header: "A", value: (r: { a: string; b: string }) => r.a },
        { header: "Amount", kind: "number", value: (r: { a: string; b: string }) => r.b },
      ],
      batches: batches(),
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('A,Amount\r\n"x, ""y""\nz",-3.00\r\n"\'=HYPERLINK(""http://x"")",4.10\r\n');
  });

  it("neutralises a number column's cell that is not a plain decimal, as it would a text cell", async () => {
    // A column declared numeric by mistake (a reference, a note) must not let a formula through.
    const values = ["=1+1", "+5", "-1+cmd", "@SUM(1)", "12.50", "-7"];
    async function* batches() {
      yield values.map((v) => ({ v }));
    }
    const response = csvDownload({ filename: "t.csv", columns: [{ header: "Amount", kind: "number", value: (r: { v: string }) => r.v }], batches: batches() });
    const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3));
    expect(text.split("\r\n").slice(1, -1)).toEqual(["'=1+1", "'+5", "'-1+cmd", "'@SUM(1)", "12.50", "-7"]);
  });

  it("stops reading the source when the client cancels", async () => {
    let produced = 0;
    let closed = false;
    async function* batches() {
      try {
        for (;;) {
          produced++;
          yield [{ n: produced }];
        }
      } finally {
        closed = true;
      }
    }
    const response = csvDownload({ filename: "t.csv", columns: [{ header: "n", value: (r: { n: number }) => r.n }], batches: batches() });
    const reader = response.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    // One batch per read: the source is not read ahead of the client.
    expect(produced).toBe(1);
  });
});

describe("keysetBatches", () => {
  const data = Array.from({ length: 25 }, (_, i) => i);
  const fetchAfter = (calls: (number | null)[]) => async (after: number | null, limit: number) => {
    calls.push(after);
    return data.filter((x) => after === null || x > after).slice(0, limit);
  };

  it("pages through batches after the last row until a short batch", async () => {
    const calls: (number | null)[] = [];
    const out: number[][] = [];
    for await (const batch of keysetBatches<number>(fetchAfter(calls), 10)) out.push(batch);
    expect(out).toEqual([data.slice(0, 10), data.slice(10, 20), data.slice(20)]);
    expect(calls).toEqual([null, 9, 19]);
  });

  it("stops after an exactly full last batch with one empty read", async () => {
    const calls: (number | null)[] = [];
    const out: number[][] = [];
    for await (const batch of keysetBatches<number>(fetchAfter(calls), 5)) out.push(batch);
    expect(out.flat()).toEqual(data);
    expect(calls).toEqual([null, 4, 9, 14, 19, 24]);
  });

  it("fetches at most one batch ahead, and a failed prefetch is dropped when the reader stops", async () => {
    const calls: (number | null)[] = [];
    const iterator = keysetBatches<number>(async (after, limit) => {
      calls.push(after);
      if (after !== null) throw new Error("database went away");
      return data.slice(0, limit);
    }, 10);
    expect((await iterator.next()).value).toEqual(data.slice(0, 10));
    expect(calls).toEqual([null, 9]);
    await iterator.return(undefined);
  });
});
