import { GithubDeployRoles, type ReleasableService, releasePolicy } from "../../src/constructs/github-deploy-roles";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const SERVICE: ReleasableService = {
  serviceArn: "arn:aws:ecs:eu-west-1:123456789012:service/shop/shop-api",
  clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
  clusterName: "shop",
  taskFamilyArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-api",
  roleArns: ["arn:aws:iam::123456789012:role/shop-api-eu-west-1-execution", "arn:aws:iam::123456789012:role/shop-api-eu-west-1-task"],
  imageParameterArn: "arn:aws:ssm:eu-west-1:123456789012:parameter/ecs/shop-api/image",
  image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-api:1.4.0",
  alarmArns: ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-api-target-5xx"],
};

const roles = (props: Partial<ConstructorParameters<typeof GithubDeployRoles>[2]> = {}) =>
  synthesizeScope(
    (scope) =>
      new GithubDeployRoles(scope, "github", {
        name: "shop",
        region: "eu-west-1",
        repository: "example-shop/shop",
        infrastructureEnvironment: "infrastructure",
        releaseBranch: "main",
        releasable: [SERVICE],
        stateLockObjectArn: "arn:aws:s3:::state/shop.tfstate.tflock",
        ...props,
      }),
  );

describe("GithubDeployRoles", () => {
  it("creates the account's GitHub OIDC provider, unless given, and three roles it may assume", () => {
    expect(addresses(roles())).toEqual([
      "aws_iam_openid_connect_provider.github",
      "aws_iam_role.github_infrastructure",
      "aws_iam_role.github_plan",
      "aws_iam_role.github_release",
      "aws_iam_role_policy.github_infrastructure",
      "aws_iam_role_policy.github_release",
      "aws_iam_role_policy_attachment.github_plan",
    ]);
    expect(resourceAt(roles(), "aws_iam_openid_connect_provider.github")).toMatchObject({
      url: "https://token.actions.githubusercontent.com",
      client_id_list: ["sts.amazonaws.com"],
    });
    const existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const named = roles({ oidcProviderArn: existing });
    expect(addresses(named)).not.toContain("aws_iam_openid_connect_provider.github");
    expect(JSON.parse(resourceAt(named, "aws_iam_role.github_release").assume_role_policy).Statement[0].Principal).toEqual({
      Federated: existing,
    });
  });

  it("lets only the GitHub environment's jobs assume the infrastructure role, and only the branch's the release role, in both subject formats", () => {
    const synth = roles();
    const trust = (address: string) => JSON.parse(resourceAt(synth, address).assume_role_policy).Statement[0];
    expect(trust("aws_iam_role.github_infrastructure")).toEqual({
      Effect: "Allow",
      Principal: { Federated: ref("aws_iam_openid_connect_provider.github", "arn") },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: { "token.actions.githubusercontent.com:aud": ["sts.amazonaws.com"] },
        StringLike: {
          "token.actions.githubusercontent.com:sub": [
            "repo:example-shop/shop:environment:infrastructure",
            "repo:example-shop@*/shop@*:environment:infrastructure",
          ],
        },
      },
    });
    expect(trust("aws_iam_role.github_release").Condition.StringLike["token.actions.githubusercontent.com:sub"]).toEqual([
      "repo:example-shop/shop:ref:refs/heads/main",
      "repo:example-shop@*/shop@*:ref:refs/heads/main",
    ]);
    expect(resourceAt(synth, "aws_iam_role.github_release").name).toBe("shop-eu-west-1-github-release");
  });

  it("lets pull requests' workflows only read, for their plans", () => {
    const synth = roles();
    const trust = JSON.parse(resourceAt(synth, "aws_iam_role.github_plan").assume_role_policy).Statement[0];
    expect(trust.Condition.StringLike["token.actions.githubusercontent.com:sub"]).toEqual([
      "repo:example-shop/shop:pull_request",
      "repo:example-shop@*/shop@*:pull_request",
    ]);
    expect(resourceAt(synth, "aws_iam_role_policy_attachment.github_plan")).toEqual(
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", role: ref("aws_iam_role.github_plan", "name") }),
    );
  });

  it("creates no release role when no service's images are deployed by releases", () => {
    expect(addresses(roles({ releasable: [] }))).not.toContain("aws_iam_role.github_release");
  });
});

describe("releasePolicy", () => {
  const statements = releasePolicy({
    releasable: [SERVICE],
    stateLockObjectArn: "arn:aws:s3:::state/shop.tfstate.tflock",
    region: "eu-west-1",
  }).Statement;
  const bySid = (sid: string) => statements.find((statement) => statement.Sid === sid);

  it("moves and follows the services given, and registers revisions of their families only", () => {
    expect(bySid("Services")).toMatchObject({ Action: ["ecs:DescribeServices", "ecs:UpdateService"], Resource: [SERVICE.serviceArn] });
    expect(bySid("NewRevisions")).toMatchObject({ Resource: [`${SERVICE.taskFamilyArn}:*`] });
    expect(bySid("StoppedTasks")).toMatchObject({
      Action: "ecs:ListTasks",
      Condition: { ArnEquals: { "ecs:cluster": [SERVICE.clusterArn] } },
    });
    expect(bySid("TaskDetails")).toMatchObject({ Resource: ["arn:aws:ecs:eu-west-1:*:task/shop/*"] });
  });

  it("passes only the services' two roles, to ECS tasks only", () => {
    expect(bySid("PassTaskRoles")).toEqual({
      Sid: "PassTaskRoles",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: SERVICE.roleArns,
      Condition: { StringEquals: { "iam:PassedToService": ["ecs-tasks.amazonaws.com"] } },
    });
  });

  it("records the image, reads the ECR repository, the alarms and the targets' health, and takes the state lock", () => {
    expect(bySid("ReleasedImage")).toMatchObject({ Resource: [SERVICE.imageParameterArn] });
    expect(bySid("Images")).toMatchObject({
      Action: "ecr:DescribeImages",
      Resource: ["arn:aws:ecr:eu-west-1:123456789012:repository/shop-api"],
    });
    expect(bySid("Alarms")).toMatchObject({ Resource: SERVICE.alarmArns });
    expect(bySid("StateLock")).toMatchObject({ Resource: "arn:aws:s3:::state/shop.tfstate.tflock" });
    expect(statements.map((statement) => statement.Sid)).toEqual([
      "Services",
      "NewRevisions",
      "Revisions",
      "StoppedTasks",
      "TaskDetails",
      "PassTaskRoles",
      "ReleasedImage",
      "TargetHealth",
      "Alarms",
      "Images",
      "StateLock",
    ]);
  });
});
