import { taskAddressesRule } from "../../../src/settings/rules/task-addresses";
import { describeRule } from "./check-rule";

const SMALL_PRIVATE = ["10.0.10.0/28", "10.0.10.16/28", "10.0.10.32/28"]; // 11 free addresses each

describeRule(taskAddressesRule, {
  passing: [{}, { privateSubnetCidrs: SMALL_PRIVATE, desiredCount: 16 }, { natGateways: "none", desiredCount: 300 }],
  failing: [
    [
      { privateSubnetCidrs: SMALL_PRIVATE, desiredCount: 17 },
      "app/web.desiredCount: must fit the private subnets: a deployment runs up to 34 tasks, one address each, and they have 33 free; received 17",
    ],
    [
      { natGateways: "none", publicSubnetCidrs: ["10.0.1.0/27", "10.0.2.0/27", "10.0.3.0/27"], desiredCount: 29 },
      "app/web.desiredCount: must fit the public subnets (natGateways none runs the tasks there): a deployment runs up to 58 tasks, one address each, and they have 57 free",
    ],
  ],
});
