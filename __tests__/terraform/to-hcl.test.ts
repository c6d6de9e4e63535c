import { expression, type ProviderSchema, quoteTemplate, toHcl } from "../../src/terraform/to-hcl";

const SCHEMA: ProviderSchema = {
  provider: { block: { block_types: { default_tags: { nesting_mode: "list", block: {} } } } },
  resource_schemas: {
    aws_lb_target_group: { block: { block_types: { health_check: { nesting_mode: "list", block: {} } } } },
    aws_iam_role_policy: { block: {} },
  },
  data_source_schemas: {},
};

describe("toHcl", () => {
  it("escapes a template's text but not its expressions, whose own strings keep their quotes", () => {
    expect(quoteTemplate('{"Resource":"${aws_cloudwatch_log_group.main.arn}:*"}')).toBe(
      '"{\\"Resource\\":\\"${aws_cloudwatch_log_group.main.arn}:*\\"}"',
    );
    expect(quoteTemplate('${one([for o in x : o.name if o.domain == "example.com"])}')).toBe(
      '"${one([for o in x : o.name if o.domain == "example.com"])}"',
    );
    expect(quoteTemplate("a\\b\nc $${literal} %{ if true }x%{ endif }")).toBe('"a\\\\b\\nc $${literal} %{ if true }x%{ endif }"');
  });

  it("writes maps and lists as expressions, with quoted keys", () => {
    expect(expression({ Name: "web", "awslogs-group": "x" })).toBe('{\n"Name" = "web"\n"awslogs-group" = "x"\n}');
    expect(expression([1, true, null, "a"])).toBe('[1, true, null, "a"]');
  });

  it("tells blocks from map attributes by the schema, and writes meta-arguments as references", () => {
    const hcl = toHcl(
      {
        terraform: {
          required_providers: { aws: { source: "aws", version: "5.100.0" } },
          backend: { local: { path: "x.tfstate" } },
          required_version: ">= 1.10.0",
        },
        provider: { aws: [{ region: "eu-west-1", default_tags: [{ tags: { Team: "a" } }] }] },
        resource: {
          aws_lb_target_group: {
            main: {
              "//": { metadata: {} },
              name: "web",
              tags: { Name: "web" },
              health_check: { path: "/" },
              depends_on: ["aws_lb.main"],
              lifecycle: { create_before_destroy: true, ignore_changes: ["tags"], replace_triggered_by: ["${aws_vpc.main.id}"] },
            },
          },
        },
        output: { url: { value: "http://${aws_lb.main.dns_name}", description: "URL" } },
      },
      SCHEMA,
    );
    expect(hcl).toContain('backend "local" {\npath = "x.tfstate"\n}\nrequired_version = ">= 1.10.0"');
    expect(hcl).toContain('provider "aws" {\nregion = "eu-west-1"\ndefault_tags {\ntags = {\n"Team" = "a"\n}\n}\n}');
    expect(hcl).toContain('tags = {\n"Name" = "web"\n}\nhealth_check {\npath = "/"\n}');
    expect(hcl).toContain("depends_on = [aws_lb.main]");
    expect(hcl).toContain(
      "lifecycle {\ncreate_before_destroy = true\nignore_changes = [tags]\nreplace_triggered_by = [aws_vpc.main.id]\n}",
    );
    expect(hcl).toContain('output "url" {\nvalue = "http://${aws_lb.main.dns_name}"\ndescription = "URL"\n}');
    expect(hcl).not.toContain("metadata");
  });
});

describe("toHcl, beyond resources", () => {
  const empty: ProviderSchema = { provider: { block: {} }, resource_schemas: {}, data_source_schemas: {} };

  it("writes variables with their type expressions, locals, and lifecycle checks as blocks", () => {
    const hcl = toHcl(
      {
        variable: { image: { type: "string", default: "nginx:1.14" } },
        locals: { name: "web" },
        resource: { aws_lb: { main: { lifecycle: { precondition: [{ condition: "${true}", error_message: "no" }] } } } },
      },
      empty,
    );
    expect(hcl).toContain('variable "image" {\ntype = string\ndefault = "nginx:1.14"\n}');
    expect(hcl).toContain('locals {\nname = "web"\n}');
    expect(hcl).toContain('lifecycle {\nprecondition {\ncondition = "${true}"\nerror_message = "no"\n}\n}');
  });

  it("refuses what it would lose: modules, moves, provisioners", () => {
    expect(() => toHcl({ module: { vpc: {} } }, empty)).toThrow("hcl: the stack holds module, which this writer does not write");
    expect(() => toHcl({ resource: { aws_instance: { a: { provisioner: [{ "local-exec": {} }] } } } }, empty)).toThrow(
      /provisioner blocks are not written/,
    );
  });
});
