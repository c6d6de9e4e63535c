import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { UnmatchedRequests } from "../settings/settings";
import { addressOf, addressPinner } from "./address";
import { refuseSeparateEgressRules } from "./inline-egress";
import { createFirst } from "./replacement";

const ANYWHERE = "0.0.0.0/0";

/** Properties of {@link LoadBalancer}. */
export interface LoadBalancerProps {
  /** Name of the load balancer, and prefix of its security group's name. */
  readonly name: string;
  /** VPC the security group belongs to. */
  readonly vpcId: string;
  /** Public subnets the load balancer is placed in, one per zone. */
  readonly subnetIds: string[];
  /**
   * What must exist before the load balancer: the internet gateway its subnets route through, as
   * AWS refuses an internet-facing load balancer in a VPC without one (`InvalidSubnet`).
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * What the HTTP listener answers when no rule matches: the tutorial's 200 "ok", a 404, or a 301 to HTTPS for every request.
   * @default "ok"
   */
  readonly httpDefault?: UnmatchedRequests | "redirect-to-https";
  /**
   * Drop request headers that are not valid HTTP.
   * @default false
   */
  readonly dropInvalidHeaderFields?: boolean;
  /**
   * Refuse to delete the load balancer.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * Where to write access logs: a bucket (named through its policy, so that the load balancer waits for it) and a prefix.
   * @default - no access logs
   */
  readonly accessLogs?: { readonly bucket: string; readonly prefix: string };
  /**
   * Where the load balancer may send traffic (its targets are in the VPC): address blocks.
   * @default ["0.0.0.0/0"]
   */
  readonly egressCidrBlocks?: string[];
  /**
   * Describe the security group's rules.
   * @default false
   */
  readonly describeRules?: boolean;
  /**
   * Replace the security group and its rules the new one first, and the load balancer with this VPC, which it cannot move out of.
   * @default - Terraform's order: the old one destroyed first, the load balancer moved in place
   */
  readonly safeReplacements?: { readonly vpc: Vpc };
  /**
   * Prefix of the Terraform addresses.
   * @default - none: the tutorial's addresses
   */
  readonly addressPrefix?: string;
}

/** A listener's answer to requests no rule matches: the tutorial's 200 "ok", or a 404. */
export function unmatchedAction(kind: UnmatchedRequests): LbListenerDefaultAction {
  const [statusCode, messageBody] = kind === "ok" ? ["200", "ok"] : ["404", "Not Found"];
  return { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode, messageBody } };
}

/** A permanent redirect to the same URL over HTTPS, as the tutorial's HTTPS chapter writes it. */
export const REDIRECT_TO_HTTPS: LbListenerDefaultAction = {
  type: "redirect",
  redirect: { port: "443", protocol: "HTTPS", statusCode: "HTTP_301" },
};

/**
 * The tutorial's ALB chapter: an internet-facing Application Load Balancer that accepts HTTP on
 * port 80 from anywhere, and a listener whose default answer is a plain "ok" — services add
 * listener rules in front of it.
 */
export class LoadBalancer extends Construct {
  public readonly securityGroup: SecurityGroup;
  public readonly alb: Lb;
  public readonly listener: LbListener;

  constructor(scope: Construct, id: string, props: LoadBalancerProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    const safe = props.safeReplacements !== undefined;
    const egressCidrBlocks = props.egressCidrBlocks ?? [ANYWHERE];
    const anywhere = egressCidrBlocks.length === 1 && egressCidrBlocks[0] === ANYWHERE;
    const describe = (text: string) => (props.describeRules ? text : undefined);

    this.securityGroup = new SecurityGroup(this, "sg", {
      name: `${props.name}-alb`,
      description: `${props.name} alb`,
      vpcId: props.vpcId,
      egress: [
        {
          fromPort: 0,
          toPort: 0,
          protocol: "-1",
          cidrBlocks: egressCidrBlocks,
          description: describe(anywhere ? "To anywhere" : "To the targets in the VPC"),
        },
      ],
      tags: { Name: `${props.name}-alb` },
      lifecycle: createFirst(safe),
    });
    pin(this.securityGroup, "alb");
    refuseSeparateEgressRules(this.securityGroup);

    const httpIngress = new SecurityGroupRule(this, "http-ingress", {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      fromPort: 80,
      toPort: 80,
      protocol: "tcp",
      cidrBlocks: [ANYWHERE],
      description: describe("HTTP from the internet"),
      lifecycle: createFirst(safe),
    });
    pin(httpIngress, "alb_http");

    this.alb = new Lb(this, "alb", {
      name: props.name,
      loadBalancerType: "application",
      internal: false,
      securityGroups: [this.securityGroup.id],
      subnets: props.subnetIds,
      dependsOn: props.dependsOn,
      // Written only when set, so that the tutorial's load balancer stays as it was.
      dropInvalidHeaderFields: props.dropInvalidHeaderFields || undefined,
      enableDeletionProtection: props.deletionProtection || undefined,
      accessLogs: props.accessLogs && { ...props.accessLogs, enabled: true },
      // Its subnets and security group can change in place, but only within its VPC.
      lifecycle: props.safeReplacements && { replaceTriggeredBy: [`${addressOf(props.safeReplacements.vpc)}.id`] },
    });
    pin(this.alb, "main");

    const httpDefault = props.httpDefault ?? "ok";
    this.listener = new LbListener(this, "listener", {
      loadBalancerArn: this.alb.arn,
      port: 80,
      protocol: "HTTP",
      defaultAction: [httpDefault === "redirect-to-https" ? REDIRECT_TO_HTTPS : unmatchedAction(httpDefault)],
    });
    pin(this.listener, "main");
  }
}
