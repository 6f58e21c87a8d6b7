import { describe, expect, it } from "vitest";
import { csvDownload, keysetRows } from "@/lib/exports/csv-download";
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
    expect(["12.50", "-12.50", "0", "1500"].map(neutraliseNumber)).toEqual(["12.50", "-12.50", "0", "1500"]);
  });
  it("treats anything else as text", () => {
    expect(neutraliseNumber("-1+cmd")).toBe("'-1+cmd");
  });
});

describe("csvDownload", () => {
  it("writes a BOM, a header row, CRLF line ends and quoted cells", async () => {
    async function* rows() {
      yield { a: 'x, "y"\nz', b: "-3.00" };
      yield { a: "=HYPERLINK(\"http://x\")", b: "4.10" };
    }
    const response = csvDownload({
      filename: "t.csv",
      columns: [
        { header: "A", value: (r: { a: string; b: string }) => r.a },
        { header: "Amount", kind: "number", value: (r: { a: string; b: string }) => r.b },
      ],
      rows: rows(),
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('A,Amount\r\n"x, ""y""\nz",-3.00\r\n"\'=HYPERLINK(""http://x"")",4.10\r\n');
  });

  it("stops reading the source when the client cancels", async () => {
    let produced = 0;
    let closed = false;
    async function* rows() {
      try {
        for (;;) {
          produced++;
          yield { n: produced };
        }
      } finally {
        closed = true;
      }
    }
    const response = csvDownload({ filename: "t.csv", columns: [{ header: "n", value: (r: { n: number }) => r.n }], rows: rows() });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    expect(produced).toBeLessThan(10_000);
  });
});

describe("keysetRows", () => {
  it("pages through batches after the last row until a short batch", async () => {
    const data = Array.from({ length: 25 }, (_, i) => i);
    const calls: (number | null)[] = [];
    const out: number[] = [];
    for await (const n of keysetRows<number>(async (after, limit) => {
      calls.push(after);
      return data.filter((x) => after === null || x > after).slice(0, limit);
    }, 10)) out.push(n);
    expect(out).toEqual(data);
    expect(calls).toEqual([null, 9, 19]);
  });
});
