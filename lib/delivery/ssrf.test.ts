import { describe, expect, it } from "vitest";
import { checkTargetUrl, isBlockedAddress, parseAllowedCidrs, parseHostLiteral } from "./ssrf";

describe("isBlockedAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback /8"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "CGNAT"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "this network"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.10", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.99", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.255", "benchmarking"],
    ["::1", "v6 loopback"],
    ["::", "v6 unspecified"],
    ["fc00::1", "ULA"],
    ["fd12:3456::1", "ULA"],
    ["fe80::1", "v6 link-local"],
    ["ff02::1", "v6 multicast"],
    ["2001:db8::1", "v6 documentation"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback (hex)"],
    ["::ffff:a9fe:a9fe", "IPv4-mapped metadata"],
    ["::7f00:1", "IPv4-compatible loopback"],
    ["64:ff9b::a9fe:a9fe", "NAT64 metadata"],
    ["64:ff9b::10.0.0.1", "NAT64 private"],
    ["64:ff9b:1::7f00:1", "local-use NAT64 loopback"],
    ["2002:7f00:1::1", "6to4 loopback"],
    ["2002:c0a8:101::1", "6to4 private"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "Teredo with a public client"],
    ["4000::1", "outside global unicast"],
    ["not-an-ip", "not an address"],
    ["2130706433", "odd IPv4 form"],
  ])("refuses %s (%s)", (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each([
    ["8.8.8.8"],
    ["1.1.1.1"],
    ["93.184.216.34"],
    ["2606:4700::1111"],
    ["2a00:1450:4001:82b::200e"],
    ["::ffff:8.8.8.8"],
    ["64:ff9b::808:808"],
    ["2002:808:808::1"],
  ])("allows public %s", (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });

  it("opens only the ranges in allowedCidrs", () => {
    const allowed = parseAllowedCidrs("127.0.0.0/8, 10.1.0.0/16,::1");
    expect(isBlockedAddress("127.0.0.1", allowed)).toBe(false);
    expect(isBlockedAddress("::ffff:7f00:1", allowed)).toBe(false);
    expect(isBlockedAddress("10.1.2.3", allowed)).toBe(false);
    expect(isBlockedAddress("::1", allowed)).toBe(false);
    expect(isBlockedAddress("10.2.0.1", allowed)).toBe(true);
    expect(isBlockedAddress("169.254.169.254", allowed)).toBe(true);
  });

  it("rejects a malformed ALLOWED_TARGET_CIDRS entry", () => {
    expect(parseAllowedCidrs(undefined)).toEqual([]);
    expect(parseAllowedCidrs(" ")).toEqual([]);
    expect(() => parseAllowedCidrs("127.0.0.0/8,nonsense")).toThrow(/nonsense/);
  });
});

describe("parseHostLiteral", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["0x7f.0.0.1", "127.0.0.1"],
    ["0x7f.1", "127.0.0.1"],
    ["0177.0.0.1", "127.0.0.1"],
    ["127.0.0.1.", "127.0.0.1"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["example.com", null],
    ["localhost", null],
    ["999.1.1.1", null],
  ])("%s → %s", (host, expected) => {
    expect(parseHostLiteral(host)).toBe(expected);
  });
});

describe("checkTargetUrl", () => {
  const messages = (url: string, options = {}) => checkTargetUrl(url, options).map((p) => p.message);

  it.each(["https://example.com/hooks", "https://example.com:8443/a/b", "https://8.8.8.8/hook", "https://[2606:4700::1111]/hook"])("accepts %s", (url) => {
    expect(checkTargetUrl(url)).toEqual([]);
  });

  it.each([
    ["not a url", /absolute URL/],
    ["/relative/path", /absolute URL/],
    ["http://example.com/", /https/],
    ["ftp://example.com/", /https/],
    ["https://user:pass@example.com/", /user name or password/],
    ["https://example.com/?a=1", /query string/],
    ["https://example.com/?", /query string/],
    ["https://example.com/#frag", /fragment/],
    ["https://example.com/#", /fragment/],
    [`https://example.com/${"a".repeat(2048)}`, /2048/],
    ["https://127.0.0.1/", /private, loopback or reserved/],
    ["https://127.1/", /private, loopback or reserved/],
    ["https://2130706433/", /private, loopback or reserved/],
    ["https://0x7f.0.0.1/", /private, loopback or reserved/],
    ["https://169.254.169.254/latest/meta-data", /private, loopback or reserved/],
    ["https://10.0.0.1/", /private, loopback or reserved/],
    ["https://[fc00::1]/", /private, loopback or reserved/],
    ["https://[64:ff9b::a9fe:a9fe]/", /private, loopback or reserved/],
    ["https://[::1]/", /private, loopback or reserved/],
    ["https://[::ffff:7f00:1]/", /private, loopback or reserved/],
    ["https://localhost/", /localhost/],
    ["https://LOCALHOST./", /localhost/],
    ["https://api.localhost/", /localhost/],
  ])("refuses %s", (url, message) => {
    expect(messages(url).join("; ")).toMatch(message);
  });

  it("reports every problem, with the caller's path", () => {
    expect(checkTargetUrl("http://u@127.0.0.1/?q#f", { path: "url" })).toEqual([
      { path: "url", message: "URL must use https:// (http:// needs ALLOW_HTTP_TARGETS=true)" },
      { path: "url", message: "URL must not contain a user name or password" },
      { path: "url", message: "URL must not have a query string" },
      { path: "url", message: "URL must not have a fragment" },
      { path: "url", message: "URL host is a private, loopback or reserved address" },
    ]);
  });

  it("allows http only with allowHttp, and blocked ranges only with allowedCidrs", () => {
    const allowedCidrs = parseAllowedCidrs("127.0.0.0/8");
    expect(messages("http://example.com/", { allowHttp: true })).toEqual([]);
    expect(messages("http://127.0.0.1:4000/hook", { allowHttp: true })).toHaveLength(1);
    expect(messages("http://127.0.0.1:4000/hook", { allowHttp: true, allowedCidrs })).toEqual([]);
    expect(messages("http://localhost:4000/hook", { allowHttp: true, allowedCidrs })).toHaveLength(1);
  });
});
