import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Construct } from "constructs";
import { addressPinner } from "./address";

/** Properties of {@link WebAcl}. */
export interface WebAclProps {
  /** Name of the web ACL, and of its metrics. */
  readonly name: string;
  /** ARN of the load balancer it protects. */
  readonly loadBalancerArn: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });

/**
 * An AWS WAF web ACL in front of a load balancer: AWS's managed common rule set (the OWASP top
 * ten's usual suspects) blocks what it matches, everything else is allowed, and both are counted.
 */
export class WebAcl extends Construct {
  public readonly webAcl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    this.webAcl = new Wafv2WebAcl(this, "acl", {
      name: props.name,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      rule: [
        {
          name: "AWSManagedRulesCommonRuleSet",
          priority: 1,
          overrideAction: { none: {} },
          // The provider types a statement as free-form JSON: written in Terraform's own spelling.
          statement: { managed_rule_group_statement: { vendor_name: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
          visibilityConfig: visibility(`${props.name}-common-rule-set`),
        },
      ],
      visibilityConfig: visibility(props.name),
    });
    pin(this.webAcl, "main");
    const association = new Wafv2WebAclAssociation(this, "association", {
      resourceArn: props.loadBalancerArn,
      webAclArn: this.webAcl.arn,
    });
    pin(association, "main");
  }
}
