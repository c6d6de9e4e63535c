import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { ecrRepositoryArn, type PolicyDocument, type PolicyStatement, policyDocument } from "../aws/iam-policies";
import { addressPinner } from "./address";

const GITHUB_OIDC = "token.actions.githubusercontent.com";

/** One service the release role may release. */
export interface ReleasableService {
  /** ARN of the ECS service (its ID), and of its cluster. */
  readonly serviceArn: string;
  readonly clusterArn: string;
  /** Name of the cluster, for the ARNs of its tasks. */
  readonly clusterName: string;
  /** The task definition's ARN without its revision: new revisions of the family may be registered. */
  readonly taskFamilyArn: string;
  /** The two roles its task definition names, which a new revision passes on to ECS. */
  readonly roleArns: readonly string[];
  /** The SSM parameter holding the image releases put in place. */
  readonly imageParameterArn: string;
  /** The image in the environment file: its ECR repository, if it has one, may be read. */
  readonly image: string;
  /** The service's alarms, which the release reads when a deployment fails. */
  readonly alarmArns: readonly string[];
}

/** Properties of {@link GithubDeployRoles}. */
export interface GithubDeployRolesProps {
  /** Name of the environment: the roles are `<name>-<region>-github-infra` and `-github-release`. */
  readonly name: string;
  readonly region: string;
  /** The repository, `owner/name`. */
  readonly repository: string;
  /** The GitHub environment the infrastructure job runs in. */
  readonly infrastructureEnvironment: string;
  /** The branch whose workflows may release. */
  readonly releaseBranch: string;
  /**
   * The account's GitHub OIDC provider, when it exists already.
   * @default - created
   */
  readonly oidcProviderArn?: string;
  /** The services releases deploy images of. */
  readonly releasable: readonly ReleasableService[];
  /**
   * The S3 object of the state's lock (`arn:aws:s3:::<bucket>/<key>.tflock`), which a release takes as `terraform apply` does.
   * @default - a local state: nothing to lock in S3
   */
  readonly stateLockObjectArn?: string;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/** The AWS services the infrastructure's Terraform manages, whose every action its role may take. */
const INFRASTRUCTURE_SERVICES = [
  "acm",
  "application-autoscaling",
  "cloudwatch",
  "ec2",
  "ecs",
  "elasticloadbalancing",
  "events",
  "logs",
  "route53",
  "s3",
  "sns",
  "ssm",
  "wafv2",
];

/**
 * The roles a GitHub Actions pipeline deploys with, through OIDC — no keys stored in GitHub. The
 * plan role reads what `terraform plan` refreshes (AWS's ReadOnlyAccess) for pull requests, which
 * only say what a change would do. The infrastructure role is for `terraform apply`: every action of the services the stack manages and
 * its own IAM roles, assumable only by jobs of the repository's GitHub environment whose required
 * reviewers approve each deployment. The release role, when a service's images are deployed by
 * releases, is for `npm run release` from the main
 * branch: register revisions of the services' task definitions, move and follow the services,
 * pass only their two roles to ECS, record the image, read the image's repository, the targets'
 * health and the alarms, and take the state lock — nothing else.
 */
export class GithubDeployRoles extends Construct {
  /** Read-only, for pull requests' plans: what a change does and costs. */
  public readonly planRole: IamRole;
  public readonly infrastructureRole: IamRole;
  /** The release role, when a service's images are deployed by releases. */
  public readonly releaseRole?: IamRole;
  public readonly provider?: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string, props: GithubDeployRolesProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    if (!props.oidcProviderArn) {
      this.provider = new IamOpenidConnectProvider(this, "provider", {
        url: `https://${GITHUB_OIDC}`,
        clientIdList: ["sts.amazonaws.com"],
      });
      pin(this.provider, "github");
    }
    const providerArn = props.oidcProviderArn ?? this.provider!.arn;
    const [owner, repository] = props.repository.split("/");
    // Repositories made since July 2026 put their immutable IDs in the subject: owner@123/name@456.
    const subjects = (claim: string) => [`repo:${owner}/${repository}:${claim}`, `repo:${owner}@*/${repository}@*:${claim}`];
    const role = (roleId: string, suffix: string, claim: string, policy?: PolicyDocument) => {
      const created = new IamRole(this, roleId, {
        name: `${props.name}-${props.region}-${suffix}`,
        description: `GitHub Actions of ${props.repository} (${claim})`,
        maxSessionDuration: 3600,
        assumeRolePolicy: JSON.stringify(
          policyDocument([
            {
              Effect: "Allow",
              Principal: { Federated: providerArn },
              Action: "sts:AssumeRoleWithWebIdentity",
              Condition: {
                StringEquals: { [`${GITHUB_OIDC}:aud`]: ["sts.amazonaws.com"] },
                StringLike: { [`${GITHUB_OIDC}:sub`]: subjects(claim) },
              },
            },
          ]),
        ),
      });
      pin(created, `github_${roleId}`);
      if (policy) {
        const inline = new IamRolePolicy(this, `${roleId}-policy`, { name: suffix, role: created.id, policy: JSON.stringify(policy) });
        pin(inline, `github_${roleId}`);
      }
      return created;
    };
    this.planRole = role("plan", "github-plan", "pull_request");
    const readOnly = new IamRolePolicyAttachment(this, "plan-read-only", {
      role: this.planRole.name,
      policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    });
    pin(readOnly, "github_plan");
    this.infrastructureRole = role(
      "infrastructure",
      "github-infra",
      `environment:${props.infrastructureEnvironment}`,
      policyDocument([
        { Sid: "ManagedServices", Effect: "Allow", Action: INFRASTRUCTURE_SERVICES.map((service) => `${service}:*`), Resource: "*" },
        {
          Sid: "OwnRoles",
          Effect: "Allow",
          Action: ["iam:*Role", "iam:*RolePolicy", "iam:*RolePolicies", "iam:ListRoleTags", "iam:TagRole", "iam:UntagRole", "iam:PassRole"],
          Resource: `arn:aws:iam::*:role/${props.name}*`,
        },
        {
          Sid: "OidcProvider",
          Effect: "Allow",
          Action: "iam:*OpenIDConnectProvider*",
          Resource: `arn:aws:iam::*:oidc-provider/${GITHUB_OIDC}`,
        },
        { Sid: "ServiceLinkedRoles", Effect: "Allow", Action: "iam:CreateServiceLinkedRole", Resource: "*" },
        { Sid: "WhoAmI", Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" },
      ]),
    );
    if (props.releasable.length) {
      this.releaseRole = role("release", "github-release", `ref:refs/heads/${props.releaseBranch}`, releasePolicy(props));
    }
  }
}

/** The release role's policy: exactly what `npm run release` and `npm run status` call, on these services. */
export function releasePolicy(props: Pick<GithubDeployRolesProps, "releasable" | "stateLockObjectArn" | "region">): PolicyDocument {
  const services = props.releasable;
  const unique = (values: readonly string[]) => [...new Set(values)];
  const repositories = unique(services.flatMap((service) => ecrRepositoryArn(service.image) ?? []));
  const statements: PolicyStatement[] = [
    {
      Sid: "Services",
      Effect: "Allow",
      Action: ["ecs:DescribeServices", "ecs:UpdateService"],
      Resource: services.map((s) => s.serviceArn),
    },
    {
      Sid: "NewRevisions",
      Effect: "Allow",
      Action: "ecs:RegisterTaskDefinition",
      Resource: unique(services.map((s) => `${s.taskFamilyArn}:*`)),
    },
    // AWS grants these on every task definition, or none.
    { Sid: "Revisions", Effect: "Allow", Action: ["ecs:DescribeTaskDefinition", "ecs:DeregisterTaskDefinition"], Resource: "*" },
    {
      Sid: "StoppedTasks",
      Effect: "Allow",
      Action: "ecs:ListTasks",
      Resource: "*",
      Condition: { ArnEquals: { "ecs:cluster": unique(services.map((s) => s.clusterArn)) } },
    },
    {
      Sid: "TaskDetails",
      Effect: "Allow",
      Action: "ecs:DescribeTasks",
      Resource: unique(services.map((s) => `arn:aws:ecs:${props.region}:*:task/${s.clusterName}/*`)),
    },
    {
      Sid: "PassTaskRoles",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: unique(services.flatMap((s) => s.roleArns)),
      Condition: { StringEquals: { "iam:PassedToService": ["ecs-tasks.amazonaws.com"] } },
    },
    {
      Sid: "ReleasedImage",
      Effect: "Allow",
      Action: ["ssm:GetParameter", "ssm:GetParameterHistory", "ssm:PutParameter"],
      Resource: services.map((s) => s.imageParameterArn),
    },
    { Sid: "TargetHealth", Effect: "Allow", Action: "elasticloadbalancing:DescribeTargetHealth", Resource: "*" },
  ];
  const alarms = services.flatMap((s) => s.alarmArns);
  if (alarms.length) statements.push({ Sid: "Alarms", Effect: "Allow", Action: "cloudwatch:DescribeAlarms", Resource: alarms });
  if (repositories.length) statements.push({ Sid: "Images", Effect: "Allow", Action: "ecr:DescribeImages", Resource: repositories });
  if (props.stateLockObjectArn) {
    statements.push({
      Sid: "StateLock",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
      Resource: props.stateLockObjectArn,
    });
  }
  return policyDocument(statements);
}
