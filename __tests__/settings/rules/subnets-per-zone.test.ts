import { subnetsPerZoneRule } from "../../../src/settings/rules/subnets-per-zone";
import { describeRule } from "./check-rule";

const TWO_ZONES = {
  azs: ["ap-northeast-1a", "ap-northeast-1c"],
  publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"],
  privateSubnetCidrs: ["10.0.10.0/24", "10.0.20.0/24"],
};

describeRule(subnetsPerZoneRule, {
  passing: [{}, TWO_ZONES],
  failing: [
    [
      { ...TWO_ZONES, privateSubnetCidrs: ["10.0.10.0/24"] },
      'app/web.privateSubnetCidrs: must list one CIDR per zone in azs (2); received ["10.0.10.0/24"]',
    ],
    [{ publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24"] }, "app/web.publicSubnetCidrs: must list one CIDR per zone in azs (3)"],
  ],
});
