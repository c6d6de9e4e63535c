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
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly terraform?: { readonly backend?: Record<string, Record<string, unknown>> };
}

/** The resources of a stack, for rules that judge them one by one and by what refers to what. */
export class StackResources {
  private readonly resources: readonly StackResource[];
  private readonly dataSources: readonly StackResource[];

  constructor(json: TerraformJson) {
    this.resources = Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, config]) => ({ type, name, address: `${type}.${name}`, config })),
    );
    this.dataSources = Object.entries(json.data ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, config]) => ({ type, name, address: `data.${type}.${name}`, config })),
    );
    this.backend = json.terraform?.backend;
  }

  /** What the stack reads rather than creates (data sources), of these types: `data.aws_vpc.existing` and its arguments. */
  lookupsOf(...types: string[]): StackResource[] {
    return this.dataSources.filter((lookup) => types.includes(lookup.type));
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

/** A `type.name` (or `data.type.name`) at the start of a traversal: not the tail of another one, nor text in a string. */
const REFERENCE = /(?<![\w.$"-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?=[.[}),\s]|$)/g;

/**
 * Addresses a value refers to through Terraform expressions, anywhere within it: `${aws_lb.main.arn}`,
 * `${aws_lb.main[0].arn}`, `${concat(aws_security_group.a[*].id, [aws_security_group.b.id])}` →
 * `aws_lb.main`, `aws_security_group.a`, `aws_security_group.b`.
 */
export function referencesIn(value: unknown): string[] {
  return stringsIn(value).flatMap((text) =>
    expressionsIn(text).flatMap((expression) => [...expression.matchAll(REFERENCE)].map((match) => match[1])),
  );
}

/** Every string held anywhere in a value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The expressions of a template: what stands inside each `${…}`. */
function expressionsIn(text: string): string[] {
  const found: string[] = [];
  for (let index = text.indexOf("${"); index >= 0; index = text.indexOf("${", index)) {
    if (text[index - 1] === "$") {
      index += 2; // $${ is a literal
      continue;
    }
    const end = expressionEnd(text, index + 2);
    found.push(text.slice(index + 2, end - 1));
    index = end;
  }
  return found;
}

/** Where the expression opened before `start` closes: past its `}`, skipping the braces of its nested objects and strings. */
export function expressionEnd(text: string, start: number): number {
  let depth = 1;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return index + 1;
  }
  return text.length;
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
