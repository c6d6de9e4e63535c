import type { Architecture, DiagramEdge, DiagramNode, Group } from "./architecture";

const quoted = (text: string) => text.replaceAll('"', "'");

/** The architecture as a Mermaid flowchart (GitHub renders it): boxes as subgraphs, flows as arrows. */
export function toMermaid(architecture: Architecture): string {
  const lines = ["flowchart LR"];
  const node = (n: DiagramNode, indent: string) => lines.push(`${indent}${n.id}["${quoted(n.label)}"]`);
  const group = (g: Group, indent: string) => {
    lines.push(`${indent}subgraph ${g.id}["${quoted(g.label)}"]`);
    for (const n of g.nodes) node(n, `${indent}  `);
    for (const inner of g.groups) group(inner, `${indent}  `);
    lines.push(`${indent}end`);
  };
  for (const n of architecture.outside) node(n, "  ");
  group(architecture.region, "  ");
  for (const edge of architecture.edges) lines.push(`  ${edge.from} ${arrow(edge)} ${edge.to}`);
  return lines.join("\n");
}

const arrow = (edge: DiagramEdge) => {
  const line = edge.dashed ? "-.->" : "-->";
  return edge.label ? `${line}|"${quoted(edge.label)}"|` : line;
};

/** The architecture in Graphviz's DOT language, for a real layout engine. */
export function toDot(architecture: Architecture): string {
  const lines = [
    "digraph architecture {",
    "  rankdir=LR; compound=true; fontname=Helvetica; fontsize=12;",
    `  label="${quoted(architecture.title)}"; labelloc=t;`,
    '  node [shape=box, style="rounded,filled", fillcolor=white, fontname=Helvetica, fontsize=11];',
    "  edge [fontname=Helvetica, fontsize=9];",
  ];
  const node = (n: DiagramNode, indent: string) => lines.push(`${indent}${n.id} [label="${quoted(n.label)}"];`);
  const group = (g: Group, indent: string, depth: number) => {
    lines.push(
      `${indent}subgraph cluster_${g.id} {`,
      `${indent}  label="${quoted(g.label)}"; style="rounded,filled"; fillcolor="${FILLS[depth % FILLS.length]}";`,
    );
    for (const n of g.nodes) node(n, `${indent}  `);
    for (const inner of g.groups) group(inner, `${indent}  `, depth + 1);
    lines.push(`${indent}}`);
  };
  for (const n of architecture.outside) node(n, "  ");
  group(architecture.region, "  ", 0);
  for (const edge of architecture.edges) {
    // Traffic back out to the internet does not pull the internet to the right: it stays where requests come from.
    const attributes = [
      edge.label && `label="${quoted(edge.label)}"`,
      edge.dashed && "style=dashed",
      edge.to === "internet" && "constraint=false",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(`  ${edge.from} -> ${edge.to}${attributes ? ` [${attributes}]` : ""};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/** Region, VPC, zone, subnet: each box a shade of its own. */
const FILLS = ["#f5f7fa", "#e8f1fb", "#f0f7ec", "#fdf6e3"];
