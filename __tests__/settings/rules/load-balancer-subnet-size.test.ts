import { loadBalancerSubnetSizeRule } from "../../../src/settings/rules/load-balancer-subnet-size";
import { describeRule } from "./check-rule";

describeRule(loadBalancerSubnetSizeRule, {
  passing: [{}, { publicSubnetCidrs: ["10.0.0.0/27", "10.0.0.32/27", "10.0.0.64/27"] }],
  failing: [
    [
      { publicSubnetCidrs: ["10.0.0.0/28", "10.0.0.32/27", "10.0.0.64/27"] },
      'app/web.publicSubnetCidrs[0]: must be a /27 or larger: an Application Load Balancer needs at least 8 free addresses in each of its subnets; received "10.0.0.0/28"',
    ],
  ],
});
