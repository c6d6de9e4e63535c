import { blocks, referencesIn, StackResources, type TerraformJson } from "../terraform/terraform-json";

/** A service of a synthesized stack, as the release, the deploy check and the status screen find it in AWS. */
export interface StackService {
  /** Its Terraform address: `aws_ecs_service.main`, `aws_ecs_service.api_main`. */
  readonly address: string;
  /** The name a user gives it on the command line: the ECS service's name, or the id of a service after the first (`api`). */
  readonly names: readonly string[];
  readonly serviceName: string;
  readonly clusterName: string;
  /** The task definition resource the service runs: its address, and the container that serves. */
  readonly taskDefinitionAddress: string;
  readonly containerName: string;
  readonly targetGroupNames: readonly string[];
  /** The SSM parameter that holds the image, when releases deploy it. */
  readonly imageParameter?: string;
  readonly alarmNames: readonly string[];
}

/** Where a stack keeps its state: an S3 object, or a file relative to the stack's folder. */
export type StackBackend =
  | { readonly kind: "s3"; readonly bucket: string; readonly key: string; readonly region: string }
  | { readonly kind: "local"; readonly path: string };

const ONE_REFERENCE = /^\$\{([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+|data\.[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.([a-z_]+)\}$/;

/**
 * The literal a value stands for: itself when it is a string without expressions, or the named
 * argument of the resource it references (`${aws_ecs_cluster.main.name}` → the cluster's `name`).
 */
function literalOf(stack: StackResources, value: unknown, argument?: string): string | undefined {
  if (typeof value !== "string") return undefined;
  if (!value.includes("${")) return value;
  const match = ONE_REFERENCE.exec(value);
  if (!match) return undefined;
  const [, address, attribute] = match;
  const target = [...stack.all(), ...stack.lookupsOf(...lookupTypes)].find((resource) => resource.address === address);
  const found = target?.config[argument ?? attribute];
  return typeof found === "string" && !found.includes("${") ? found : undefined;
}

const lookupTypes = ["aws_ecs_cluster", "aws_lb_listener", "aws_lb", "aws_vpc"];

/**
 * The services a synthesized stack deploys, with what each is called in AWS; `namesById` adds the
 * ids the environment file gives them (`web` for the first service, named after the environment).
 */
export function stackServices(json: TerraformJson, namesById: ReadonlyMap<string, string> = new Map()): StackService[] {
  const stack = new StackResources(json);
  return stack.ofType("aws_ecs_service").map((service) => {
    const { config, address } = service;
    const taskDefinitionAddress = referencesIn(config.task_definition)[0];
    const taskDefinition = stack.all().find((resource) => resource.address === taskDefinitionAddress);
    const clusterRef = referencesIn(config.cluster)[0];
    const clusterName = clusterRef?.startsWith("data.")
      ? literalOf(stack, `\${${clusterRef}.cluster_name}`)
      : literalOf(stack, config.cluster, "name");
    const loadBalancers = blocks(config.load_balancer);
    const targetGroupNames = loadBalancers.flatMap((lb) => {
      const name = literalOf(stack, lb.target_group_arn, "name");
      return name ? [name] : [];
    });
    const image = String(taskDefinition?.config.container_definitions ?? "");
    const parameterAddress = referencesIn(image).find((ref) => ref.startsWith("aws_ssm_parameter."));
    const parameter = stack.all().find((resource) => resource.address === parameterAddress);
    // Alarms written off (to take them off a live service) are not watched.
    const alarmNames = blocks(config.alarms).flatMap((alarms) =>
      (alarms.enable === true && Array.isArray(alarms.alarm_names) ? alarms.alarm_names : []).flatMap((name: unknown) => {
        const literal = literalOf(stack, name, "alarm_name");
        return literal ? [literal] : [];
      }),
    );
    const serviceName = String(config.name);
    const ids = [...namesById].filter(([, name]) => name === serviceName).map(([id]) => id);
    return {
      address,
      names: [serviceName, ...ids.filter((id) => id !== serviceName)],
      serviceName,
      clusterName: clusterName ?? String(config.cluster),
      taskDefinitionAddress,
      containerName: String(loadBalancers[0]?.container_name ?? ""),
      targetGroupNames,
      imageParameter: typeof parameter?.config.name === "string" ? parameter.config.name : undefined,
      alarmNames,
    };
  });
}

/** Where the stack keeps its state. */
export function stackBackend(json: TerraformJson): StackBackend {
  const backend = json.terraform?.backend ?? {};
  const s3 = backend.s3;
  if (s3) return { kind: "s3", bucket: String(s3.bucket), key: String(s3.key), region: String(s3.region) };
  return { kind: "local", path: String(backend.local?.path ?? "terraform.tfstate") };
}

/** The stack's region, from its AWS provider. */
export function stackRegion(json: TerraformJson & { provider?: { aws?: { region?: string }[] } }): string {
  const region = json.provider?.aws?.[0]?.region;
  if (!region) throw new Error("the stack has no AWS provider region");
  return region;
}
