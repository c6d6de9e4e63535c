// The hands-on's HCL next to the TypeScript that builds it and the test that pins it, for each
// chapter: cut from the real files (reference/*.tf, src/constructs/, __tests__/constructs/), so
// the docs show the code as it is. `npm run schema` writes them; a unit test fails when one is stale.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");

/** What one chapter shows: HCL blocks, the statements that build them, and a test. */
interface ChapterCode {
  readonly chapter: "vpc" | "alb" | "ecs" | "https";
  /** The hands-on's blocks, by address, in its file. */
  readonly hcl: { readonly file: string; readonly addresses: readonly string[] };
  /** The construct's statements: each `new <Class>(this, …)`, with the line that pins its address. */
  readonly typescript: { readonly file: string; readonly classes: readonly string[] };
  /** The unit test that pins what the statements synthesize, by its title. */
  readonly test: { readonly file: string; readonly title: string };
}

export const CHAPTER_CODE: readonly ChapterCode[] = [
  {
    chapter: "vpc",
    hcl: { file: "reference/tutorial.tf", addresses: ["aws_vpc.main", "aws_subnet.public_1a"] },
    typescript: { file: "src/constructs/network.ts", classes: ["Vpc", "Subnet"] },
    test: { file: "__tests__/constructs/network.test.ts", title: "creates the VPC 10.0.0.0/16 tagged handson" },
  },
  {
    chapter: "alb",
    hcl: { file: "reference/tutorial.tf", addresses: ["aws_lb.main", "aws_lb_listener.main"] },
    typescript: { file: "src/constructs/load-balancer.ts", classes: ["Lb", "LbListener"] },
    test: { file: "__tests__/constructs/load-balancer.test.ts", title: "listens on HTTP 80 and answers 200 text/plain 'ok' by default" },
  },
  {
    chapter: "ecs",
    hcl: { file: "reference/tutorial.tf", addresses: ["aws_ecs_service.main"] },
    typescript: { file: "src/constructs/fargate-service.ts", classes: ["EcsService"] },
    test: {
      file: "__tests__/constructs/fargate-service.test.ts",
      title: "runs one Fargate task in the given subnets behind the target group, after the listener rule",
    },
  },
  {
    chapter: "https",
    hcl: { file: "reference/tutorial-https.tf", addresses: ["aws_acm_certificate.main", "aws_acm_certificate_validation.main"] },
    typescript: { file: "src/constructs/https.ts", classes: ["AcmCertificate", "AcmCertificateValidation"] },
    test: {
      file: "__tests__/constructs/https.test.ts",
      title: "validates a certificate for the domain through DNS, replacing it before destroying it",
    },
  },
];

/** The name of a chapter's generated section. */
export function chapterCodeSection(chapter: ChapterCode["chapter"]): string {
  return `chapter-code-${chapter}`;
}

/** The HCL block at an address (`aws_vpc.main`), from its first line to the brace that closes it. */
export function hclBlock(text: string, address: string, file: string): string {
  const [type, name] = address.split(".");
  const lines = text.split("\n");
  const first = lines.findIndex((line) => line.startsWith(`resource "${type}" "${name}" {`));
  const last = lines.findIndex((line, index) => index > first && line === "}");
  if (first < 0 || last < 0) throw new Error(`${file}: no block for ${address}`);
  return lines.slice(first, last + 1).join("\n");
}

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
}

/** Every node of a source file, depth first, in the order they are written. */
function nodesOf(source: ts.SourceFile): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return nodes;
}

/** Text of statements, without the indentation they share. */
function dedent(text: string, indentation: number): string {
  return text
    .split("\n")
    .map((line) => line.slice(Math.min(indentation, line.length - line.trimStart().length)))
    .join("\n");
}

function statementText(source: ts.SourceFile, statement: ts.Node): string {
  const { character } = source.getLineAndCharacterOfPosition(statement.getStart(source));
  return dedent(" ".repeat(character) + statement.getText(source), character);
}

/** The first statement that builds `new <className>(this, …)`, with the `pin(…)` statement after it. */
export function constructStatements(source: ts.SourceFile, className: string): string {
  const created = nodesOf(source).find(
    (node): node is ts.NewExpression =>
      ts.isNewExpression(node) && node.expression.getText(source) === className && node.arguments?.[0]?.kind === ts.SyntaxKind.ThisKeyword,
  );
  if (!created) throw new Error(`${source.fileName}: no new ${className}(this, …)`);
  let statement: ts.Node = created;
  while (!ts.isExpressionStatement(statement) && !ts.isVariableStatement(statement)) statement = statement.parent;
  const siblings = (statement.parent as ts.Block).statements;
  const next = siblings[siblings.indexOf(statement as ts.Statement) + 1];
  const pinned = next && /^pin\(/.test(next.getText(source)) ? [next] : [];
  return [statement, ...pinned].map((node) => statementText(source, node)).join("\n");
}

/** The `it("<title>", …)` call of a test file. */
export function testCase(source: ts.SourceFile, title: string): string {
  const found = nodesOf(source).find(
    (node): node is ts.CallExpression =>
      ts.isCallExpression(node) &&
      node.expression.getText(source) === "it" &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[0].text === title,
  );
  if (!found) throw new Error(`${source.fileName}: no it(${JSON.stringify(title)}, …)`);
  return statementText(source, found.parent);
}

/** A chapter's generated section: its HCL, its TypeScript and its test, each in a fence headed by its file. */
export function chapterCode(chapter: ChapterCode["chapter"]): string {
  const code = CHAPTER_CODE.find((entry) => entry.chapter === chapter);
  if (!code) throw new Error(`${chapter}: not a chapter`);
  const hclText = readFileSync(join(ROOT, code.hcl.file), "utf8");
  const hcl = code.hcl.addresses.map((address) => hclBlock(hclText, address, code.hcl.file)).join("\n\n");
  const construct = sourceOf(code.typescript.file);
  const typescript = code.typescript.classes.map((className) => constructStatements(construct, className)).join("\n\n");
  const test = testCase(sourceOf(code.test.file), code.test.title);
  return [
    `\`\`\`hcl\n# ${code.hcl.file}\n${hcl}\n\`\`\``,
    `\`\`\`ts\n// ${code.typescript.file}\n${typescript}\n\`\`\``,
    `\`\`\`ts\n// ${code.test.file}\n${test}\n\`\`\``,
  ].join("\n\n");
}
