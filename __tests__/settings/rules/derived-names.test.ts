import { derivedNamesRule } from "../../../src/settings/rules/derived-names";
import { describeRule, ruleMessages } from "./check-rule";

describeRule(derivedNamesRule, {
  passing: [
    { name: "a" },
    { name: "a".repeat(32) },
    { name: "orders-api-2" },
    { name: "internals" },
    { name: "sgx-api" },
    // S3 takes no capitals: the bucket's name is the service's in lower case.
    { name: "OrdersApi", loadBalancer: { accessLogs: true } },
    // Without access logs there is no bucket to name.
    { name: "xn--api" },
  ],
  failing: [
    [{ name: "a".repeat(33) }, "app/web.name: must give a target group name AWS accepts: 1-32 letters"],
    [{ name: "-api" }, "app/web.name: must give a target group name"],
    [{ name: "api-" }, "app/web.name: must give a target group name"],
    [{ name: "my_api" }, "app/web.name: must give a target group name"],
    [{ name: "api.v2" }, "app/web.name: must give a target group name"],
    [{ name: "internal-api" }, "nor starting with internal-"],
    [{ name: "sg-api" }, 'app/web.name: must give an ALB security group name AWS accepts (here "sg-api-alb")'],
    [
      { name: "xn--api", loadBalancer: { accessLogs: true } },
      'app/web.name: must give an S3 bucket of access logs name AWS accepts (here "xn--api-alb-logs-"): S3 names a bucket in lowercase letters, digits and hyphens, and reserves names starting with xn--, sthree- or amzn-s3-demo-; received "xn--api"',
    ],
    [{ name: "sthree-api", defaults: "recommended" }, '(here "sthree-api-alb-logs-")'],
  ],
});

it("names the derived name, the resource and AWS's rule", () => {
  expect(ruleMessages(derivedNamesRule, { name: "sg-api" })).toEqual([
    'app/web.name: must give an ALB security group name AWS accepts (here "sg-api-alb"): at most 255 characters of a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$*, not starting with sg-; received "sg-api"',
  ]);
});
