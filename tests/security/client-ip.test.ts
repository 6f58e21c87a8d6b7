import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";

afterEach(() => vi.unstubAllEnvs());

describe("client IP", () => {
  it("ignores X-Forwarded-For and X-Real-IP entirely without a trusted proxy", () => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "0");
    expect(clientIpFrom("6.6.6.6, 10.0.0.7")).toBe("unknown");
    expect(clientIpFrom("10.0.0.7")).toBe("unknown");
    expect(clientIpFrom(null, "10.1.1.1")).toBe("unknown");
  });

  it("takes the entry the trusted proxy appended, not what the client wrote before it", () => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    expect(clientIpFrom("1.2.3.4, 203.0.113.9")).toBe("203.0.113.9");
    // A client rotating its own header value does not change its address.
    expect(clientIpFrom("9.9.9.9, 203.0.113.9")).toBe("203.0.113.9");
  });

  it("counts from the right through several trusted proxies", () => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "2");
    expect(clientIpFrom("6.6.6.6, 198.51.100.4, 10.0.0.2")).toBe("198.51.100.4");
    expect(clientIpFrom("10.0.0.2")).toBe("unknown");
  });

  it.each(["=1+1<img src=x onerror=alert(1)>", "not an ip", "999.1.1.1", "1.2.3.4 OR 1=1", ""])("stores %j as unknown", (value) => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    expect(clientIpFrom(value)).toBe("unknown");
    expect(clientIpFrom(null, value)).toBe("unknown");
  });

  it("accepts IPv6", () => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "1");
    expect(clientIpFrom("2001:db8::1")).toBe("2001:db8::1");
  });

  it("refuses a malformed proxy count, naming the setting, instead of trusting the header", () => {
    vi.stubEnv("TRUSTED_PROXY_COUNT", "yes");
    expect(() => clientIpFrom("203.0.113.9")).toThrow(/TRUSTED_PROXY_COUNT/);
  });
});
