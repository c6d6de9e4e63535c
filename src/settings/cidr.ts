/** An IPv4 CIDR block, as numbers: the first address and the prefix length. */
export interface Ipv4Block {
  readonly base: number;
  readonly prefix: number;
}

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

/** The prefix lengths AWS accepts for a VPC or a subnet. */
export const AWS_PREFIX_RANGE = { widest: 16, narrowest: 28 } as const;

/** Addresses AWS keeps in every subnet: network, router, DNS, future use, broadcast. */
export const AWS_RESERVED_ADDRESSES = 5;

/**
 * Parses `a.b.c.d/n`. Returns a reason instead when it is malformed, or when bits are set past the
 * prefix (`10.0.0.1/16`): AWS and the provider accept only the network address.
 */
export function parseCidr(text: string): Ipv4Block | { reason: string } {
  const match = CIDR.exec(text);
  if (!match) return { reason: "must be an IPv4 CIDR block such as 10.0.0.0/16" };
  const base = match.slice(1, 5).reduce((address, octet) => address * 256 + Number(octet), 0);
  const prefix = Number(match[5]);
  if (base % size({ base, prefix }) !== 0) {
    return { reason: `must be a network address: no bits set past the /${prefix} prefix` };
  }
  return { base, prefix };
}

/** {@link parseCidr}, also refusing prefixes outside what AWS accepts for VPCs and subnets. */
export function parseAwsCidr(text: string): Ipv4Block | { reason: string } {
  const parsed = parseCidr(text);
  if ("reason" in parsed) return parsed;
  const { widest, narrowest } = AWS_PREFIX_RANGE;
  if (parsed.prefix < widest || parsed.prefix > narrowest) {
    return { reason: `must have a prefix from /${widest} to /${narrowest} (AWS's limits)` };
  }
  return parsed;
}

/** Number of addresses in the block. */
export function size(block: Ipv4Block): number {
  return 2 ** (32 - block.prefix);
}

export function contains(outer: Ipv4Block, inner: Ipv4Block): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function overlaps(a: Ipv4Block, b: Ipv4Block): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** The block written back as `a.b.c.d/n`. */
export function cidrText(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.base / 2 ** shift) % 256);
  return `${octets.join(".")}/${block.prefix}`;
}
