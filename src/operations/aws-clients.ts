import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ECRClient } from "@aws-sdk/client-ecr";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { S3Client } from "@aws-sdk/client-s3";
import { SSMClient } from "@aws-sdk/client-ssm";

/** The AWS APIs the release, the deploy check and the status screen use, in one region. */
export interface OperationsClients {
  readonly ecs: ECSClient;
  readonly ecr: ECRClient;
  readonly elbv2: ElasticLoadBalancingV2Client;
  readonly ssm: SSMClient;
  readonly cloudwatch: CloudWatchClient;
  /** For the state lock, in the state bucket's region. */
  readonly s3: (region: string) => S3Client;
}

/** Where the clients connect, when not where the environment says. */
export interface ClientTarget {
  readonly endpoint?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * Clients in the stack's region with the credentials and endpoint of the environment, as Terraform
 * finds them (AWS_PROFILE, AWS_ACCESS_KEY_ID…, AWS_ENDPOINT_URL), unless `target` names others.
 */
export function operationsClients(region: string, target: ClientTarget = {}): OperationsClients {
  // The pinned SDK supports Node 20; its warning, on every run of a release in CI, is about SDK
  // releases after January 2027 that this project does not use.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const config = { region, endpoint: target.endpoint, credentials: target.credentials };
  const pathStyle = (target.endpoint ?? process.env.AWS_ENDPOINT_URL) !== undefined;
  return {
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    ssm: new SSMClient(config),
    cloudwatch: new CloudWatchClient(config),
    s3: (bucketRegion) => new S3Client({ ...config, region: bucketRegion, forcePathStyle: pathStyle }),
  };
}
