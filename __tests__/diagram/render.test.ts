import type { Architecture } from "../../src/diagram/architecture";
import { toDot, toMermaid, withFontFallbacks, wrapped, zonesTopToBottom } from "../../src/diagram/render";

const SMALL: Architecture = {
  title: "web",
  outside: [{ id: "internet", label: "Internet" }],
  region: {
    id: "region",
    label: "AWS eu-west-1",
    kind: "region",
    nodes: [],
    groups: [
      {
        id: "vpc",
        label: "VPC 10.0.0.0/16",
        kind: "vpc",
        chapter: "vpc",
        nodes: [
          { id: "igw", label: "Internet gateway", chapter: "vpc" },
          { id: "alb", label: 'ALB "web"', chapter: "alb" },
        ],
        groups: ["a", "b"].map((zone) => ({
          id: `zone_${zone}`,
          label: `eu-west-1${zone}`,
          kind: "zone" as const,
          chapter: "vpc" as const,
          nodes: [],
          groups: [{ id: `subnet_${zone}`, label: "public subnet", kind: "subnet" as const, nodes: [], groups: [] }],
        })),
      },
    ],
  },
  edges: [
    { from: "internet", to: "alb", label: "80 from 0.0.0.0/0", chapter: "alb" },
    { from: "igw", to: "internet", label: "out", chapter: "vpc", outbound: true, near: true },
    { from: "internet", to: "vpc", dashed: true },
  ],
};

describe("render", () => {
  it("writes Mermaid: boxes as nested subgraphs (zones last first), quotes made safe, the way out from the internet inward, chapters as classes", () => {
    const lines = toMermaid(SMALL).split("\n");
    expect(lines.slice(0, 15)).toEqual([
      "flowchart LR",
      '  internet["Internet"]',
      '  subgraph region["AWS eu-west-1"]',
      '    subgraph vpc["VPC 10.0.0.0/16"]',
      '      igw["Internet gateway"]:::vpc',
      "      alb[\"ALB 'web'\"]:::alb",
      '      subgraph zone_b["eu-west-1b"]',
      '        subgraph subnet_b["public subnet"]',
      "        end",
      "      end",
      '      subgraph zone_a["eu-west-1a"]',
      '        subgraph subnet_a["public subnet"]',
      "        end",
      "      end",
      "    end",
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  internet -->|"80 from 0.0.0.0/0"| alb',
        '  internet <-->|"out"| igw',
        "  internet -.-> vpc",
        "  classDef alb fill:#d3e5fa,stroke:#1565c0,color:#000",
        "  style zone_a fill:#ffffff,stroke:#5e35b1,stroke-dasharray:5 3",
        // The legend's undrawn link comes first: the drawn ones count from 1.
        "  linkStyle 1 stroke:#1565c0,color:#1565c0",
        "  linkStyle 2 stroke:#5e35b1,color:#5e35b1",
      ]),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}subgraph legend\["Legend/),
        '    legend_alb["ALB chapter: load balancer, listeners, its security group"]:::alb',
      ]),
    );
  });

  it("writes DOT: boxes as clusters, the way out laid from the internet inward, boxes reached at their border, a legend", () => {
    const dot = toDot(SMALL);
    expect(dot).toContain("subgraph cluster_vpc {");
    expect(dot).toContain('internet -> alb [label="80 from 0.0.0.0/0", color="#1565c0", fontcolor="#1565c0"];');
    expect(dot).toContain('internet -> igw [label="out", dir=back, color="#5e35b1", fontcolor="#5e35b1", weight=8];');
    expect(dot).toContain("internet -> igw [style=dashed, lhead=cluster_vpc];");
    expect(dot).toMatch(/label=<<table.*Legend.*ALB chapter.*<\/table>>/);
    // A subnet with nothing in it is drawn all the same.
    expect(dot).toContain('subnet_a_empty [label="", shape=point, style=invis];');
  });

  it("measures text in a font Graphviz has metrics for, and lets the SVG fall back to fonts no wider", () => {
    expect(toDot(SMALL)).toContain('fontname="Verdana"');
    expect(withFontFallbacks('<text font-family="Verdana">x</text>')).toBe(
      `<text font-family="Verdana,'DejaVu Sans','Bitstream Vera Sans',Arial,Helvetica,sans-serif">x</text>`,
    );
  });

  it("breaks long labels after a colon or before a parenthesis", () => {
    expect(wrapped("Alarms of shop-admin: 5xx, unhealthy targets, p95 response time")).toEqual([
      "Alarms of shop-admin:",
      "5xx, unhealthy targets, p95 response time",
    ]);
    expect(wrapped("Service web: 1 × nginx:1.27 (0.25 vCPU, 0.5 GB)", 40)).toEqual(["Service web: 1 × nginx:1.27", "(0.25 vCPU, 0.5 GB)"]);
    expect(wrapped("Internet gateway")).toEqual(["Internet gateway"]);
  });

  it("reads a laid-out SVG's zones top to bottom", () => {
    const zone = (name: string, y: number) =>
      `<g class="cluster"><title>cluster_zone_${name}</title><path d=""/><text x="1" y="${y}" font-size="12.00">eu&#45;west&#45;${name}</text></g>`;
    expect(zonesTopToBottom(`<svg>${zone("1b", -100)}${zone("1a", -300)}<text y="-50">other</text></svg>`)).toEqual([
      "eu-west-1a",
      "eu-west-1b",
    ]);
  });
});
