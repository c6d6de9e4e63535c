import type { Architecture } from "../../src/diagram/architecture";
import { toDot, toMermaid } from "../../src/diagram/render";

const SMALL: Architecture = {
  title: "web",
  outside: [{ id: "internet", label: "Internet" }],
  region: {
    id: "region",
    label: "AWS eu-west-1",
    nodes: [],
    groups: [{ id: "vpc", label: "VPC 10.0.0.0/16", nodes: [{ id: "alb", label: 'ALB "web"' }], groups: [] }],
  },
  edges: [
    { from: "internet", to: "alb", label: "80 from 0.0.0.0/0" },
    { from: "alb", to: "internet", dashed: true },
  ],
};

describe("render", () => {
  it("writes Mermaid: boxes as nested subgraphs, quotes made safe, dashed relations", () => {
    expect(toMermaid(SMALL).split("\n")).toEqual([
      "flowchart LR",
      '  internet["Internet"]',
      '  subgraph region["AWS eu-west-1"]',
      '    subgraph vpc["VPC 10.0.0.0/16"]',
      "      alb[\"ALB 'web'\"]",
      "    end",
      "  end",
      '  internet -->|"80 from 0.0.0.0/0"| alb',
      "  alb -.-> internet",
    ]);
  });

  it("writes DOT: boxes as clusters, and traffic back to the internet left out of the ranking", () => {
    const dot = toDot(SMALL);
    expect(dot).toContain("subgraph cluster_vpc {");
    expect(dot).toContain('internet -> alb [label="80 from 0.0.0.0/0"];');
    expect(dot).toContain("alb -> internet [style=dashed, constraint=false];");
  });
});
