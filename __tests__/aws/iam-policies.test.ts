import { ecrRepositoryArn, execCommandStatements, executionRolePolicy, secretResourceArn, secretService } from "../../src/aws/iam-policies";

describe("executionRolePolicy", () => {
  it("grants exactly what the service names: its repository, its log group, its secrets, their keys", () => {
    const policy = executionRolePolicy({
      ecrRepositoryArns: ["arn:aws:ecr:eu-west-1:123456789012:repository/team/app"],
      logGroupArn: "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app",
      secrets: {
        A: "arn:aws:ssm:eu-west-1:123456789012:parameter/app/a",
        B: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/b-AbCdEf:username::",
        C: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/b-AbCdEf::AWSPREVIOUS:",
      },
      kmsKeyArns: ["arn:aws:kms:eu-west-1:123456789012:key/k"],
    });
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
          Sid: "EcrPull",
          Effect: "Allow",
          Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          Resource: ["arn:aws:ecr:eu-west-1:123456789012:repository/team/app"],
        },
        {
          Sid: "Logs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app:*",
        },
        {
          Sid: "Parameters",
          Effect: "Allow",
          Action: "ssm:GetParameters",
          Resource: ["arn:aws:ssm:eu-west-1:123456789012:parameter/app/a"],
        },
        {
          Sid: "Secrets",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/b-AbCdEf"],
        },
        { Sid: "DecryptSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: ["arn:aws:kms:eu-west-1:123456789012:key/k"] },
      ],
    });
  });

  it("grants nothing for what the service does not use", () => {
    expect(executionRolePolicy({ ecrRepositoryArns: [], secrets: {}, kmsKeyArns: [] }).Statement).toEqual([]);
  });
});

describe("execCommandStatements", () => {
  it("opens the SSM channels and writes the session log to its log group only", () => {
    const statements = execCommandStatements("arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app/exec");
    expect(statements.map((statement) => [statement.Action, statement.Resource])).toEqual([
      [
        [
          "ssmmessages:CreateControlChannel",
          "ssmmessages:CreateDataChannel",
          "ssmmessages:OpenControlChannel",
          "ssmmessages:OpenDataChannel",
        ],
        "*",
      ],
      ["logs:DescribeLogGroups", "*"],
      [
        ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
        "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/app/exec:*",
      ],
    ]);
  });
});

describe("ARNs", () => {
  it.each([
    ["123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.0", "arn:aws:ecr:eu-west-1:123456789012:repository/app"],
    ["123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app@sha256:abc", "arn:aws:ecr:us-east-1:123456789012:repository/team/app"],
    ["123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app", "arn:aws-cn:ecr:cn-north-1:123456789012:repository/app"],
    ["public.ecr.aws/nginx/nginx:1.27", undefined],
    ["nginx:1.14", undefined],
  ])("the ECR repository of %s is %s", (image, arn) => {
    expect(ecrRepositoryArn(image)).toBe(arn);
  });

  it("knows a secret's service and the ARN IAM grants on", () => {
    expect(secretService("arn:aws:ssm:eu-west-1:1:parameter/a")).toBe("ssm");
    expect(secretService("arn:aws:secretsmanager:eu-west-1:1:secret:a-AbCdEf")).toBe("secretsmanager");
    expect(secretResourceArn("arn:aws:secretsmanager:eu-west-1:1:secret:a-AbCdEf:json::")).toBe(
      "arn:aws:secretsmanager:eu-west-1:1:secret:a-AbCdEf",
    );
    expect(secretResourceArn("arn:aws:secretsmanager:eu-west-1:1:secret:app/db")).toBe(
      "arn:aws:secretsmanager:eu-west-1:1:secret:app/db-??????",
    );
  });
});
