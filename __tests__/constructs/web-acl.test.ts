import { WebAcl } from "../../src/constructs/web-acl";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

describe("WebAcl", () => {
  const synth = synthesizeScope((scope) => new WebAcl(scope, "waf", { name: "orders-api", loadBalancerArn: "arn:lb" }));

  it("runs AWS's managed common rule set in front of the load balancer, allowing the rest", () => {
    expect(addresses(synth)).toEqual(["aws_wafv2_web_acl.main", "aws_wafv2_web_acl_association.main"]);
    expect(resourceAt(synth, "aws_wafv2_web_acl.main")).toMatchObject({
      name: "orders-api",
      scope: "REGIONAL",
      default_action: { allow: {} },
      rule: [
        {
          name: "AWSManagedRulesCommonRuleSet",
          priority: 1,
          override_action: { none: {} },
          statement: { managed_rule_group_statement: { vendor_name: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
          visibility_config: {
            cloudwatch_metrics_enabled: true,
            metric_name: "orders-api-common-rule-set",
            sampled_requests_enabled: true,
          },
        },
      ],
      visibility_config: { cloudwatch_metrics_enabled: true, metric_name: "orders-api", sampled_requests_enabled: true },
    });
    expect(resourceAt(synth, "aws_wafv2_web_acl_association.main")).toMatchObject({
      resource_arn: "arn:lb",
      web_acl_arn: ref("aws_wafv2_web_acl.main", "arn"),
    });
  });
});
