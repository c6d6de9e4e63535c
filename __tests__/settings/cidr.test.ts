import { contains, overlaps, parseCidr, size } from "../../src/settings/cidr";

describe("parseCidr", () => {
  it("parses a network address and its prefix", () => {
    expect(parseCidr("10.0.0.0/16")).toEqual({ base: 10 * 2 ** 24, prefix: 16 });
    expect(parseCidr("192.168.1.128/25")).toEqual({ base: ((192 * 256 + 168) * 256 + 1) * 256 + 128, prefix: 25 });
  });

  it.each(["10.0.0/16", "10.0.0.0", "256.0.0.0/16", "10.0.0.0/33", "10.0.0.0/-1", " 10.0.0.0/16", "010.0.0.0/16"])(
    "rejects %j as malformed",
    (text) => expect(parseCidr(text)).toEqual({ reason: "must be an IPv4 CIDR block such as 10.0.0.0/16" }),
  );

  it("rejects bits set past the prefix", () => {
    expect(parseCidr("10.0.0.1/16")).toEqual({ reason: "must be a network address: no bits set past the /16 prefix" });
  });
});

describe("block arithmetic", () => {
  const block = (text: string) => parseCidr(text) as { base: number; prefix: number };

  it("sizes, contains and overlaps", () => {
    expect(size(block("10.0.0.0/24"))).toBe(256);
    expect(contains(block("10.0.0.0/16"), block("10.0.255.0/24"))).toBe(true);
    expect(contains(block("10.0.0.0/16"), block("10.1.0.0/24"))).toBe(false);
    expect(contains(block("10.0.0.0/24"), block("10.0.0.0/16"))).toBe(false);
    expect(overlaps(block("10.0.1.0/24"), block("10.0.1.128/25"))).toBe(true);
    expect(overlaps(block("10.0.1.0/24"), block("10.0.2.0/24"))).toBe(false);
  });
});
