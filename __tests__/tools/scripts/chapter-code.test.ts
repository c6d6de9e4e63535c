import ts from "typescript";
import {
  CHAPTER_CODE,
  chapterCode,
  chapterCodeSection,
  constructStatements,
  hclBlock,
  testCase,
} from "../../../tools/scripts/chapter-code";
import { LANGUAGES, readSection } from "../../../tools/scripts/doc-sections";

const source = (text: string) => ts.createSourceFile("example.ts", text, ts.ScriptTarget.Latest, true);

describe("each chapter's code in the hands-on's page", () => {
  it.each(CHAPTER_CODE.map(({ chapter }) => chapter))(
    "%s: is the HCL, the construct and the test as they are in their files",
    (chapter) => {
      const code = chapterCode(chapter);
      for (const language of LANGUAGES) expect(readSection(chapterCodeSection(chapter), language, "hands-on")).toBe(code);
      expect(code).toMatch(/^```hcl\n# reference\/tutorial(-https)?\.tf\nresource "/);
      expect(code).toContain("pin(");
      expect(code).toMatch(/```ts\n\/\/ __tests__\/constructs\/[a-z-]+\.test\.ts\nit\("/);
    },
  );

  it("shows each resource the construct builds with the line that gives it the hands-on's address", () => {
    for (const { chapter, typescript } of CHAPTER_CODE) {
      expect(chapterCode(chapter).match(/^pin\(/gm), chapter).toHaveLength(typescript.classes.length);
    }
  });
});

describe("cutting code out of its file", () => {
  it("takes an HCL block to the brace that closes it, and refuses an address that is not there", () => {
    const text = 'resource "aws_vpc" "main" {\n  tags = {\n    Name = "x"\n  }\n}\n\nresource "aws_eip" "a" {\n}\n';
    expect(hclBlock(text, "aws_vpc.main", "main.tf")).toBe('resource "aws_vpc" "main" {\n  tags = {\n    Name = "x"\n  }\n}');
    expect(() => hclBlock(text, "aws_vpc.other", "main.tf")).toThrow("main.tf: no block for aws_vpc.other");
  });

  it("takes a construct's statement with the pin after it, dedented, and refuses a class it does not build", () => {
    const file = source(
      'class A {\n  constructor() {\n    this.vpc = new Vpc(this, "vpc", {\n      cidrBlock: "10.0.0.0/16",\n    });\n    pin(this.vpc, "main");\n    other();\n  }\n}\n',
    );
    expect(constructStatements(file, "Vpc")).toBe(
      'this.vpc = new Vpc(this, "vpc", {\n  cidrBlock: "10.0.0.0/16",\n});\npin(this.vpc, "main");',
    );
    expect(() => constructStatements(file, "Subnet")).toThrow("no new Subnet(this, …)");
  });

  it("takes a test by its title", () => {
    const file = source('describe("x", () => {\n  it("one", () => {\n    expect(1).toBe(1);\n  });\n  it("two", () => {});\n});\n');
    expect(testCase(file, "one")).toBe('it("one", () => {\n  expect(1).toBe(1);\n});');
    expect(() => testCase(file, "three")).toThrow('no it("three", …)');
  });
});
