import { expressionEnd } from "./terraform-json";

/** A block of a provider's schema (`terraform providers schema -json`): which keys are nested blocks. */
export interface BlockSchema {
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly block_types?: Readonly<Record<string, { readonly nesting_mode: string; readonly block: BlockSchema }>>;
}

/** The schemas of one provider: its own configuration, its resources and its data sources. */
export interface ProviderSchema {
  readonly provider: { readonly block: BlockSchema };
  readonly resource_schemas: Readonly<Record<string, { readonly block: BlockSchema }>>;
  readonly data_source_schemas: Readonly<Record<string, { readonly block: BlockSchema }>>;
}

// biome-ignore lint/suspicious/noExplicitAny: Terraform JSON holds whatever the provider's schema does
type Body = Record<string, any>;

/**
 * An HCL quoted string with the same meaning as a Terraform JSON string: both are templates, so
 * `${…}` and `%{…}` stay as they are, expressions and their own quoted strings included, and only
 * the text around them is escaped.
 */
export function quoteTemplate(text: string): string {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if ((char === "$" || char === "%") && next === "{") {
      const end = expressionEnd(text, index + 2);
      out += text.slice(index, end);
      index = end;
      continue;
    }
    if ((char === "$" || char === "%") && next === char && text[index + 2] === "{") {
      out += text.slice(index, index + 3); // $${ and %%{ are literal, in HCL as in JSON
      index += 3;
      continue;
    }
    out += char === '"' ? '\\"' : char === "\\" ? "\\\\" : char === "\n" ? "\\n" : char === "\r" ? "\\r" : char === "\t" ? "\\t" : char;
    index++;
  }
  return `"${out}"`;
}

/** A reference written in JSON as a string (`"aws_vpc.main"`, `"${aws_vpc.main.id}"`), as HCL writes it: bare. */
const reference = (value: string) => value.replace(/^\$\{(.*)\}$/s, "$1");

const key = (name: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : JSON.stringify(name));

/** A value of an attribute: strings as templates, lists and objects (maps, objects) as HCL expressions. */
export function expression(value: unknown): string {
  if (typeof value === "string") return quoteTemplate(value);
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(expression).join(", ")}]`;
  const entries = Object.entries(value as Body);
  if (!entries.length) return "{}";
  return `{\n${entries.map(([name, inner]) => `${JSON.stringify(name)} = ${expression(inner)}`).join("\n")}\n}`;
}

/** A block's body: attributes, nested blocks (known from the schema), and Terraform's meta-arguments. */
function body(config: Body, schema: BlockSchema | undefined): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    if (name === "//" || value === undefined) continue;
    if (name === "provisioner" || name === "connection")
      throw new Error(`hcl: ${name} blocks are not written; received ${JSON.stringify(value)}`);
    if (name === "depends_on") lines.push(`depends_on = [${(value as string[]).map(reference).join(", ")}]`);
    else if (name === "provider") lines.push(`provider = ${reference(value)}`);
    else if (name === "lifecycle") lines.push(`lifecycle {\n${lifecycle(value)}\n}`);
    else if (name === "dynamic") {
      for (const [blockName, spec] of Object.entries(value as Body)) {
        const nested = schema?.block_types?.[blockName]?.block;
        const iterator = spec.iterator ? `\niterator = ${spec.iterator}` : "";
        lines.push(
          `dynamic ${JSON.stringify(blockName)} {\nfor_each = ${expression(spec.for_each)}${iterator}\ncontent {\n${body(spec.content, nested)}\n}\n}`,
        );
      }
    } else if (schema?.block_types?.[name]) {
      const nested = schema.block_types[name].block;
      for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name} {\n${body(item, nested)}\n}`);
    } else lines.push(`${key(name)} = ${expression(value)}`);
  }
  return lines.join("\n");
}

/** A variable's type is a type expression (`string`, `list(string)`), not a string. */
function variable(config: Body): string {
  return Object.entries(config)
    .filter(([name]) => name !== "//")
    .map(([name, value]) => (name === "type" ? `type = ${value}` : `${name} = ${expression(value)}`))
    .join("\n");
}

function lifecycle(config: Body): string {
  return Object.entries(config)
    .map(([name, value]) => {
      if (name === "ignore_changes" || name === "replace_triggered_by") {
        return `${name} = ${Array.isArray(value) ? `[${value.map(reference).join(", ")}]` : value}`;
      }
      if (name === "precondition" || name === "postcondition") {
        return (Array.isArray(value) ? value : [value]).map((check: Body) => `${name} {\n${body(check, undefined)}\n}`).join("\n");
      }
      return `${name} = ${expression(value)}`;
    })
    .join("\n");
}

/** The top-level sections written; any other (a module, a move, an import, a check) would be lost, so it is refused. */
const SECTIONS = new Set(["//", "terraform", "provider", "variable", "locals", "data", "resource", "output"]);

/**
 * A stack's Terraform JSON as HCL with the same meaning, written from the JSON Terraform itself
 * reads: the terraform block, providers, data sources, resources and outputs. Which keys are
 * blocks and which attributes only the provider's schema tells (`tags = {…}` but `health_check {…}`).
 */
export function toHcl(json: Body, schema: ProviderSchema): string {
  const unknown = Object.keys(json).filter((section) => !SECTIONS.has(section));
  if (unknown.length) throw new Error(`hcl: the stack holds ${unknown.join(", ")}, which this writer does not write`);
  const parts: string[] = [];
  const terraform: Body = json.terraform ?? {};
  const settings: string[] = [];
  if (terraform.required_providers) settings.push(`required_providers {\n${body(terraform.required_providers, undefined)}\n}`);
  for (const [kind, config] of Object.entries((terraform.backend ?? {}) as Body))
    settings.push(`backend ${JSON.stringify(kind)} {\n${body(config, undefined)}\n}`);
  for (const [name, value] of Object.entries(terraform)) {
    if (name !== "required_providers" && name !== "backend") settings.push(`${name} = ${expression(value)}`);
  }
  parts.push(`terraform {\n${settings.join("\n")}\n}`);
  for (const [name, configs] of Object.entries((json.provider ?? {}) as Body)) {
    for (const config of Array.isArray(configs) ? configs : [configs])
      parts.push(`provider ${JSON.stringify(name)} {\n${body(config, schema.provider.block)}\n}`);
  }
  for (const [name, config] of Object.entries((json.variable ?? {}) as Body))
    parts.push(`variable ${JSON.stringify(name)} {\n${variable(config)}\n}`);
  const locals = Object.entries((json.locals ?? {}) as Body);
  if (locals.length) parts.push(`locals {\n${locals.map(([name, value]) => `${name} = ${expression(value)}`).join("\n")}\n}`);
  for (const [type, byName] of Object.entries((json.data ?? {}) as Body)) {
    for (const [name, config] of Object.entries(byName as Body)) {
      parts.push(`data ${JSON.stringify(type)} ${JSON.stringify(name)} {\n${body(config, schema.data_source_schemas[type]?.block)}\n}`);
    }
  }
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Body)) {
    for (const [name, config] of Object.entries(byName as Body)) {
      parts.push(`resource ${JSON.stringify(type)} ${JSON.stringify(name)} {\n${body(config, schema.resource_schemas[type]?.block)}\n}`);
    }
  }
  for (const [name, config] of Object.entries((json.output ?? {}) as Body))
    parts.push(`output ${JSON.stringify(name)} {\n${body(config, undefined)}\n}`);
  return `${parts.join("\n\n")}\n`;
}
