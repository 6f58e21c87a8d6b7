import { describe, expect, it } from "vitest";
import { isAcceptableCallbackUrl, malformedCallbackCookies } from "@/lib/auth/auth-cookies";
import { safeRedirectFromUrl, safeRedirectPath } from "@/lib/auth/safe-redirect";

const hostile: [string, string][] = [
  ["protocol-relative", "//evil.example"],
  ["backslash after slash", "/\\evil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["encoded backslash, lower case", "/%5cevil.example/x"],
  ["encoded double slash", "%2F%2Fevil.example"],
  ["slash then encoded slash", "/%2Fevil.example"],
  ["absolute https", "https://evil.example"],
  ["absolute http", "http://evil.example/account"],
  ["javascript scheme", "javascript:alert(1)"],
  ["javascript scheme after slash trick", "/\\javascript:alert(1)"],
  ["tab inside", "/\t/evil.example"],
  ["newline inside", "/\n/evil.example"],
  ["carriage return inside", "/\r\n/evil.example"],
  ["encoded tab", "/%09/evil.example"],
  ["NUL", "/account%00"],
  ["data scheme", "data:text/html,<script>alert(1)</script>"],
  ["triple slash", "///evil.example"],
  ["empty", ""],
  ["very long", `/${"a".repeat(5000)}`],
  ["malformed percent encoding", "/%E0%A4%A"],
];

describe("safeRedirectPath", () => {
  it.each(hostile)("refuses %s", (_name, value) => {
    const result = safeRedirectPath(value, "/");
    expect(result).toBe("/");
    // Whatever comes back stays on the site when a browser resolves it.
    expect(new URL(result, "https://portal.test").origin).toBe("https://portal.test");
  });

  it.each([
    ["/account/invoices", "/account/invoices"],
    ["/account/invoices?tab=recent&page=2", "/account/invoices?tab=recent&page=2"],
    ["/account/invoices/3f0c?x=%2F", "/account/invoices/3f0c?x=%2F"],
    ["/", "/"],
    // A path on this site that merely looks like user-info.
    ["/@evil.example", "/@evil.example"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it("refuses anything that is not a string", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(["/a", "/b"])).toBe("/");
    expect(safeRedirectPath(null, "/sign-in")).toBe("/sign-in");
  });
});

describe("safeRedirectFromUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("reduces a same-origin absolute URL to its path", () => {
    expect(safeRedirectFromUrl("http://localhost:3000/account/users?x=1", base)).toBe("/account/users?x=1");
  });
  it.each(["http://localhost:3001/", "https://evil.example/", "http://localhost:3000;SELECT PG_SLEEP(5)--", "javascript:alert(1)", "//evil.example"])(
    "sends %s to the fallback",
    (value) => {
      expect(safeRedirectFromUrl(value, base)).toBe("/");
    },
  );
});

describe("tampered next-auth callback-url cookies", () => {
  const origin = "http://localhost:3000";
  it("flags the sqlmap values and keeps good ones", () => {
    const cookies = [
      { name: "next-auth.callback-url", value: "http://localhost:3000;SELECT PG_SLEEP(5)--" },
      { name: "__Secure-next-auth.callback-url", value: "http://localhost:3000/account" },
      { name: "other", value: "http://localhost:3000;SELECT 1" },
    ];
    expect(malformedCallbackCookies(cookies, origin)).toEqual(["next-auth.callback-url"]);
  });
  it.each(["http://localhost:3000'||(SELECT 1)||'", "%", "http://evil.example/", "/\\evil.example"])("does not accept %s", (value) => {
    expect(isAcceptableCallbackUrl(value, origin)).toBe(false);
  });
});
