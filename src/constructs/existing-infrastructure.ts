import { DataAwsEcsCluster } from "@cdktf/provider-aws/lib/data-aws-ecs-cluster";
import { DataAwsLb } from "@cdktf/provider-aws/lib/data-aws-lb";
import { DataAwsLbListener } from "@cdktf/provider-aws/lib/data-aws-lb-listener";
import { DataAwsVpc } from "@cdktf/provider-aws/lib/data-aws-vpc";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import type { ExistingInfrastructure } from "../settings/settings";
import { addressPinner } from "./address";

/** Properties of {@link ExistingInfrastructureLookups}. */
export interface ExistingInfrastructureLookupsProps {
  /** What exists already. */
  readonly existing: ExistingInfrastructure;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * What the services attach to that the stack does not own: data sources only, so that an apply
 * or a destroy of the stack reads these and never changes them. A missing one fails the plan.
 */
export class ExistingInfrastructureLookups extends Construct {
  public readonly vpc?: DataAwsVpc;
  public readonly cluster?: DataAwsEcsCluster;
  public readonly listener?: DataAwsLbListener;
  public readonly loadBalancer?: DataAwsLb;

  constructor(scope: Construct, id: string, props: ExistingInfrastructureLookupsProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    const { vpc, clusterName, listenerArn } = props.existing;
    if (vpc) {
      this.vpc = new DataAwsVpc(this, "vpc", { id: vpc.vpcId });
      pin(this.vpc, "existing");
    }
    if (clusterName) {
      this.cluster = new DataAwsEcsCluster(this, "cluster", { clusterName });
      pin(this.cluster, "existing");
    }
    if (listenerArn) {
      this.listener = new DataAwsLbListener(this, "listener", { arn: listenerArn });
      pin(this.listener, "existing");
      this.loadBalancer = new DataAwsLb(this, "load-balancer", { arn: this.listener.loadBalancerArn });
      pin(this.loadBalancer, "existing");
    }
  }

  /**
   * Every IPv4 block of the existing VPC, the secondary ones too (`cidr_block` is only the
   * primary): tasks in a secondary block are in the VPC as much as the others.
   */
  get vpcCidrBlocks(): string[] | undefined {
    if (!this.vpc) return undefined;
    const address = `data.${this.vpc.terraformResourceType}.${this.vpc.friendlyUniqueId}`;
    return Token.asList(`\${[for block in ${address}.cidr_block_associations : block.cidr_block if block.state == "associated"]}`);
  }

  /** The existing load balancer's first security group: the one its targets admit. */
  get loadBalancerSecurityGroupId(): string | undefined {
    return this.loadBalancer && Fn.element(this.loadBalancer.securityGroups, 0);
  }
}
