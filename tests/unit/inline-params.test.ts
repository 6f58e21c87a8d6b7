import { describe, expect, it } from "vitest";
import { inlineParams } from "@/db/inline-params";

describe("inlineParams", () => {
  it("writes each value as a quoted literal in place of its placeholder", () => {
    const sql = "select * from t where a = $1 and b >= $2 and c = $10 and d is $3 and e = $4";
    const params = ["x", 5, null, true, 0, 0, 0, 0, 0, 12n];
    expect(inlineParams({ sql, params })).toBe("select * from t where a = E'x' and b >= '5' and c = '12' and d is null and e = 'true'");
  });

  it("escapes quotes and backslashes so a value can never end its literal", () => {
    expect(inlineParams({ sql: "select $1", params: ["O'Brien\\'; drop table t; --"] })).toBe("select E'O''Brien\\\\''; drop table t; --'");
  });

  it("refuses what it cannot write as a literal", () => {
    expect(() => inlineParams({ sql: "select $1", params: [{ a: 1 }] })).toThrow(TypeError);
    expect(() => inlineParams({ sql: "select $1", params: ["a\0b"] })).toThrow(TypeError);
    expect(() => inlineParams({ sql: "select $1", params: [Number.NaN] })).toThrow(TypeError);
    expect(() => inlineParams({ sql: "select $2", params: ["a"] })).toThrow(RangeError);
  });
});
