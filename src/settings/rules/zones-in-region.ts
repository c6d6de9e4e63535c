import type { SettingsRule } from "./rule";

export const zonesInRegionRule: SettingsRule = {
  id: "zones-in-region",
  summary:
    "`azs` are availability zones of the stack's region (`<region>a`…), unless the VPC exists already; Local and Wavelength Zones, where Fargate is not offered, are refused",
  check(s, { usable, region }) {
    // An existing VPC has its zones already: `azs` (the tutorial's Tokyo zones unless set) are not used.
    if (!region || !usable("azs") || s.existing.vpc || !usable("existing.vpc")) return [];
    const zone = new RegExp(`^${region}[a-z]$`);
    const extendedZone = new RegExp(`^${region}-[a-z0-9]+-\\d+[a-z]$`);
    return s.azs.flatMap((az, index) => {
      if (zone.test(az)) return [];
      const rule = extendedZone.test(az)
        ? `must be an availability zone of region ${region}, such as ${region}a: ${az} is a Local or Wavelength Zone, where Fargate is not offered`
        : `must be an availability zone of region ${region}, such as ${region}a`;
      return [{ path: `azs[${index}]`, rule, value: az }];
    });
  },
};
