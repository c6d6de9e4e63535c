/** One resource of a synthesized stack, as Terraform reads it: `aws_lb.main` and its arguments. */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  // biome-ignore lint/suspicious/noExplicitAny: arguments are whatever the provider's schema holds
  readonly config: Record<string, any>;
}

/** A stack's synthesized Terraform (`cdk.tf.json`): its resources by type, and its backend. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform?: { readonly backend?: Record<string, Record<string, unknown>> };
}

/** The resources of a stack, for rules that judge them one by one and by what refers to what. */
export class StackResources {
  private readonly resources: readonly StackResource[];

  constructor(json: TerraformJson) {
    this.resources = Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, config]) => ({ type, name, address: `${type}.${name}`, config })),
    );
    this.backend = json.terraform?.backend;
  }

  /** The state backend, by kind (`s3`, `local`). */
  readonly backend: Record<string, Record<string, unknown>> | undefined;

  all(): readonly StackResource[] {
    return this.resources;
  }

  ofType(...types: string[]): StackResource[] {
    return this.resources.filter((resource) => types.includes(resource.type));
  }

  /** Resources of these types with an argument that refers to the resource at `address`. */
  referringTo(address: string, ...types: string[]): StackResource[] {
    return this.ofType(...types).filter((resource) => referencesIn(resource.config).includes(address));
  }
}

/** Addresses a value refers to through Terraform expressions (`${aws_lb.main.arn}` → `aws_lb.main`), anywhere within it. */
export function referencesIn(value: unknown): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  return [...text.matchAll(/\$\{((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)\.[^}]*\}/g)].map((match) => match[1]);
}

/** A nested block as a list: cdktf writes a single block as an object, several as an array. */
// biome-ignore lint/suspicious/noExplicitAny: blocks are whatever the provider's schema holds
export function blocks(value: unknown): Record<string, any>[] {
  if (Array.isArray(value)) return value;
  return value && typeof value === "object" ? [value as Record<string, unknown>] : [];
}

/** A JSON document held as a string argument (container definitions, IAM policies); undefined when it is an expression. */
export function parseDocument(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
