// The parts a drawing is made of, shared by what reads the Terraform into them (architecture.ts,
// workloads.ts) and what draws them (render.ts).

/** The hands-on's chapters, and what goes beyond them: what a part of the drawing is coloured by. */
export type Chapter = "vpc" | "alb" | "ecs" | "https" | "beyond";

/** The chapters in the order the hands-on builds them, as the legend names them. */
export const CHAPTERS: readonly { readonly chapter: Chapter; readonly label: string }[] = [
  { chapter: "vpc", label: "VPC chapter: network, subnets, gateways" },
  { chapter: "alb", label: "ALB chapter: load balancer, listeners, its security group" },
  { chapter: "ecs", label: "ECS chapter: cluster, services, tasks, target groups, logs, roles" },
  { chapter: "https", label: "HTTPS chapter: certificate, DNS, HTTPS listener" },
  { chapter: "beyond", label: "Beyond the hands-on: WAF, access and flow logs, alarms, deploy roles" },
];

/** A box of the drawing, holding nodes and boxes: the region, the VPC, a zone, a subnet, the cluster. */
export interface Group {
  readonly id: string;
  readonly label: string;
  readonly nodes: readonly DiagramNode[];
  readonly groups: readonly Group[];
  readonly kind: GroupKind;
  readonly chapter?: Chapter;
  /** Infrastructure the stack reads rather than creates: a VPC or cluster that exists already. */
  readonly existing?: boolean;
}

export type GroupKind = "region" | "vpc" | "zone" | "subnet" | "cluster";

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
  /** Outside AWS (the internet, subscribers) a node has none. */
  readonly chapter?: Chapter;
}

/** A flow, labelled with what the security groups allow or what it does; its ends are nodes, or boxes (a VPC's flow logs). */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** A relation rather than traffic: which service runs the tasks, where logs go. */
  readonly dashed?: boolean;
  readonly chapter?: Chapter;
  /** Traffic on its way out to the internet (egress, the internet gateway's way out): drawn back toward where requests come in. */
  readonly outbound?: boolean;
  /** Parts drawn side by side: the load balancer by its nodes, a NAT gateway by the internet gateway. */
  readonly near?: boolean;
}
