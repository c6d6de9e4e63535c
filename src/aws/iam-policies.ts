/** An IAM policy statement as the policy document spells it. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: Readonly<Record<string, string | readonly string[]>>;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** AWS's limit on the inline policies of one role, in characters (whitespace not counted). */
export const MAX_ROLE_INLINE_POLICY_CHARACTERS = 10_240;

export const policyDocument = (statements: readonly PolicyStatement[]): PolicyDocument => ({
  Version: "2012-10-17",
  Statement: statements,
});

/** The trust policy of a role that ECS tasks assume: the task role and the task execution role. */
export const ECS_TASKS_TRUST_POLICY = policyDocument([
  { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
]);

/** What the task execution role needs, each grant scoped to the exact resources. */
export interface ExecutionRoleGrants {
  /** ECR repositories the image is pulled from. */
  readonly ecrRepositoryArns: readonly string[];
  /** The log group the awslogs driver writes to. */
  readonly logGroupArn?: string;
  /** Variable name to SSM parameter or Secrets Manager secret ARN, as the container definition names them. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly kmsKeyArns: readonly string[];
}

/**
 * The task execution role's policy: ECS uses this role (not the application) to pull the image,
 * write the logs and read the secrets before the container starts. Nothing beyond what the service
 * names; only ecr:GetAuthorizationToken takes `*`, which is the only resource that action accepts.
 */
export function executionRolePolicy(grants: ExecutionRoleGrants): PolicyDocument {
  const secretArns = Object.values(grants.secrets);
  const parameters = unique(secretArns.filter((arn) => secretService(arn) === "ssm"));
  const secrets = unique(secretArns.filter((arn) => secretService(arn) === "secretsmanager").map(secretResourceArn));
  const statements: PolicyStatement[] = [];
  if (grants.ecrRepositoryArns.length) {
    statements.push(
      { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "EcrPull",
        Effect: "Allow",
        Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        Resource: unique(grants.ecrRepositoryArns),
      },
    );
  }
  if (grants.logGroupArn) {
    statements.push({
      Sid: "Logs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${grants.logGroupArn}:*`,
    });
  }
  if (parameters.length) statements.push({ Sid: "Parameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: parameters });
  if (secrets.length) statements.push({ Sid: "Secrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secrets });
  if (grants.kmsKeyArns.length)
    statements.push({ Sid: "DecryptSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: unique(grants.kmsKeyArns) });
  return policyDocument(statements);
}

/**
 * What ECS Exec needs in the task role: the SSM channels the session runs over (AWS requires `*`
 * for these), and writing the session log to its own log group when the stack logs the sessions.
 */
export function execCommandStatements(execLogGroupArn: string | undefined): PolicyStatement[] {
  const sessions: PolicyStatement = {
    Sid: "ExecSessions",
    Effect: "Allow",
    Action: [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ],
    Resource: "*",
  };
  if (execLogGroupArn === undefined) return [sessions];
  return [
    sessions,
    { Sid: "ExecLogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
    {
      Sid: "ExecLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
      Resource: `${execLogGroupArn}:*`,
    },
  ];
}

/** Which service an ARN given as a secret's source belongs to. */
export function secretService(arn: string): "ssm" | "secretsmanager" | undefined {
  const service = arn.split(":")[2];
  return service === "ssm" || service === "secretsmanager" ? service : undefined;
}

/**
 * What IAM grants on for a Secrets Manager `valueFrom`: the secret's ARN without its
 * `:json-key:version-stage:version-id`. A partial ARN, without the six random characters Secrets
 * Manager appends to the name, matches them with `-??????`.
 */
export function secretResourceArn(valueFrom: string): string {
  const arn = valueFrom.split(":").slice(0, 7).join(":");
  return /-[A-Za-z0-9]{6}$/.test(arn) ? arn : `${arn}-??????`;
}

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/([^:@]+)/;

/** The ECR repository a private ECR image is pulled from, or nothing for any other registry. */
export function ecrRepositoryArn(image: string): string | undefined {
  const match = ECR_IMAGE.exec(image);
  if (!match) return undefined;
  const [, account, region, china, repository] = match;
  return `arn:${china ? "aws-cn" : "aws"}:ecr:${region}:${account}:repository/${repository}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
