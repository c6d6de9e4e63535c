import { type Architecture, CHAPTERS, type Chapter, type DiagramEdge, type DiagramNode, type Group, type GroupKind } from "./architecture";

const quoted = (text: string) => text.replaceAll('"', "'");

/**
 * A long label in lines of about `width` characters (Graphviz does not wrap): broken where it reads
 * best, after a colon or before a parenthesis, else between words.
 */
export function wrapped(text: string, width = 48): string[] {
  const lines: string[] = [];
  const add = (piece: string, separator: string) => {
    const last = lines.at(-1);
    if (last !== undefined && last.length + separator.length + piece.length <= width)
      lines[lines.length - 1] = `${last}${separator}${piece}`;
    else lines.push(piece);
  };
  for (const chunk of text.split(/(?<=:) | (?=\()/)) {
    if (chunk.length <= width) add(chunk, " ");
    else for (const word of chunk.split(" ")) add(word, " ");
  }
  return lines;
}
/** A DOT label: quoted, its lines centred. */
const dotLabel = (text: string) => `"${wrapped(quoted(text)).join("\\n")}"`;
const escaped = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** Each chapter's colours: a node's fill, and the pen of its border, its flows and their labels. */
export const PALETTE: Readonly<Record<Chapter, { readonly fill: string; readonly pen: string }>> = {
  vpc: { fill: "#ddd3f3", pen: "#5e35b1" },
  alb: { fill: "#d3e5fa", pen: "#1565c0" },
  ecs: { fill: "#ffe1bd", pen: "#d84315" },
  https: { fill: "#d3eed6", pen: "#2e7d32" },
  beyond: { fill: "#f9d9e6", pen: "#ad1457" },
};
const NEUTRAL = { fill: "#ffffff", pen: "#424242" };

/** The boxes: the region grey, the network in the VPC chapter's shades (zones dashed, as AWS draws them), the cluster the ECS chapter's. */
const BOXES: Readonly<Record<GroupKind, { readonly fill: string; readonly pen: string; readonly dashed?: boolean }>> = {
  region: { fill: "#fafafa", pen: "#9e9e9e" },
  vpc: { fill: "#fbf9fe", pen: PALETTE.vpc.pen },
  zone: { fill: "#ffffff", pen: PALETTE.vpc.pen, dashed: true },
  subnet: { fill: "#f2eefa", pen: PALETTE.vpc.pen },
  cluster: { fill: "#fff6ec", pen: PALETTE.ecs.pen },
};
const colours = (chapter: Chapter | undefined) => (chapter ? PALETTE[chapter] : NEUTRAL);

/** The chapters a drawing holds, in the hands-on's order: what its legend names. */
export function chaptersOf(architecture: Architecture): typeof CHAPTERS {
  const used = new Set<Chapter | undefined>([
    ...architecture.outside.map((node) => node.chapter),
    ...allGroups(architecture.region).flatMap((group) => [group.chapter, ...group.nodes.map((node) => node.chapter)]),
  ]);
  return CHAPTERS.filter(({ chapter }) => used.has(chapter));
}

/** A box and every box within it, depth first. */
export function allGroups(group: Group): Group[] {
  return [group, ...group.groups.flatMap(allGroups)];
}

/** The architecture as a Mermaid flowchart (GitHub renders it): boxes as subgraphs, flows as arrows, chapters as classes and a legend. */
export function toMermaid(architecture: Architecture): string {
  const lines = ["flowchart LR"];
  const node = (n: DiagramNode, indent: string) =>
    lines.push(`${indent}${n.id}["${quoted(n.label)}"]${n.chapter ? `:::${n.chapter}` : ""}`);
  const group = (g: Group, indent: string) => {
    lines.push(`${indent}subgraph ${g.id}["${quoted(g.label)}"]`);
    for (const n of g.nodes) node(n, `${indent}  `);
    // Mermaid's layout (dagre, left to right) stacks sibling boxes bottom up as they are declared:
    // the VPC's zones (or the subnets known by ID) go in last first, to read a, c, d from the top.
    for (const inner of g.kind === "vpc" ? [...g.groups].reverse() : g.groups) group(inner, `${indent}  `);
    lines.push(`${indent}end`);
  };
  for (const n of architecture.outside) node(n, "  ");
  group(architecture.region, "  ");
  const legend = chaptersOf(architecture);
  lines.push('  subgraph legend["Legend: colours by the hands-on\'s chapter"]');
  for (const { chapter, label } of legend) lines.push(`    legend_${chapter}["${quoted(label)}"]:::${chapter}`);
  lines.push("  end");
  // The legend beside the region rather than before the internet: a link that is not drawn.
  const links = ["  region ~~~ legend"];
  lines.push(...links);
  for (const edge of architecture.edges) lines.push(`  ${mermaidEdge(edge)}`);
  for (const { chapter } of legend)
    lines.push(`  classDef ${chapter} fill:${PALETTE[chapter].fill},stroke:${PALETTE[chapter].pen},color:#000`);
  for (const g of allGroups(architecture.region)) {
    const box = BOXES[g.kind];
    lines.push(`  style ${g.id} fill:${box.fill},stroke:${box.pen}${box.dashed || g.existing ? ",stroke-dasharray:5 3" : ""}`);
  }
  lines.push("  style legend fill:#ffffff,stroke:#9e9e9e");
  // Links are styled by their index, counted from the legend's undrawn ones.
  const byPen = new Map<string, number[]>();
  architecture.edges.forEach((edge, index) => {
    if (!edge.chapter) return;
    const pen = PALETTE[edge.chapter].pen;
    byPen.set(pen, [...(byPen.get(pen) ?? []), links.length + index]);
  });
  for (const [pen, indexes] of byPen) lines.push(`  linkStyle ${indexes.join(",")} stroke:${pen},color:${pen}`);
  return lines.join("\n");
}

/**
 * A Mermaid link. Traffic on its way out is written from the internet inward, as Graphviz lays it
 * out, with arrows both ways (Mermaid has no arrow at the start alone): the internet gateway next to
 * the internet, the tasks on the right.
 */
const mermaidEdge = (edge: DiagramEdge) => {
  const line = edge.outbound ? (edge.dashed ? "<-.->" : "<-->") : edge.dashed ? "-.->" : "-->";
  const [from, to] = edge.outbound ? [edge.to, edge.from] : [edge.from, edge.to];
  return `${from} ${line}${edge.label ? `|"${quoted(edge.label)}"|` : ""} ${to}`;
};

/**
 * The font Graphviz sizes text with. The WebAssembly build has no fonts: it measures with metrics of
 * its own for a few families, and falls back to Times (narrow) for any other name, or a list of names.
 * Verdana is among them and the widest of the common sans-serif faces, so a label measured with it
 * fits its box in whichever of FONT_FAMILY's fonts the viewer has: Verdana itself, or the narrower
 * DejaVu Sans (its Linux look-alike), Arial, Helvetica.
 */
export const LAYOUT_FONT = "Verdana";
/** The fonts an SVG asks for, in order: the measured one first, then the nearest where it is missing. */
export const FONT_FAMILY = "Verdana,'DejaVu Sans','Bitstream Vera Sans',Arial,Helvetica,sans-serif";

/** Graphviz's SVG with the font the layout was measured in given its fallbacks. */
export function withFontFallbacks(svg: string): string {
  return svg.replaceAll(`font-family="${LAYOUT_FONT}"`, `font-family="${FONT_FAMILY}"`);
}

/**
 * What toDot leaves to Graphviz to try: it has no constraint for the order of boxes in a rank (a flat
 * edge between two boxes is dropped), and stacks them as they are declared, the first lowest
 * (rankdir=LR), unless it crosses fewer lines in another order. `attempt` picks the order the zones
 * are declared in, and whether everything else is declared last first; renderDiagrams lays out the
 * attempts in turn and keeps the first whose zones read a, c, d from the top (zonesTopToBottom).
 */
export const DOT_ATTEMPTS = 12;

/** The architecture in Graphviz's DOT language, for a real layout engine. */
export function toDot(architecture: Architecture, attempt = 0): string {
  const mirrored = attempt % 2 === 1;
  const inTurn = <T>(items: readonly T[]) => (mirrored ? [...items].reverse() : items);
  const lines = [
    "digraph architecture {",
    `  rankdir=LR; compound=true; newrank=true; nodesep=0.25; ranksep=0.5; fontname="${LAYOUT_FONT}"; fontsize=12;`,
    `  label=<${legendTable(architecture)}>; labelloc=t; labeljust=l;`,
    `  node [shape=box, style="rounded,filled", fillcolor="${NEUTRAL.fill}", color="${NEUTRAL.pen}", fontname="${LAYOUT_FONT}", fontsize=11, margin="0.16,0.07"];`,
    `  edge [fontname="${LAYOUT_FONT}", fontsize=9, color="${NEUTRAL.pen}", fontcolor="${NEUTRAL.pen}", arrowsize=0.7];`,
  ];
  const empties: string[] = [];
  const node = (n: DiagramNode, indent: string) => {
    const { fill, pen } = colours(n.chapter);
    lines.push(`${indent}${n.id} [label=${dotLabel(n.label)}, fillcolor="${fill}", color="${pen}"];`);
  };
  const group = (g: Group, indent: string) => {
    const box = BOXES[g.kind];
    const style = ["rounded", "filled", ...(box.dashed || g.existing ? ["dashed"] : [])].join(",");
    lines.push(
      `${indent}subgraph cluster_${g.id} {`,
      `${indent}  label="${quoted(g.label)}"; style="${style}"; fillcolor="${box.fill}"; color="${box.pen}"; fontcolor="#212121";`,
    );
    for (const n of inTurn(g.nodes)) node(n, `${indent}  `);
    if (!g.nodes.length && !g.groups.length) lines.push(`${indent}  ${g.id}_empty [label="", shape=point, style=invis];`);
    // A subnet's parts level with each other: the load balancer node above the NAT gateway.
    if (g.kind === "subnet" && g.nodes.length > 1) lines.push(`${indent}  { rank=same; ${g.nodes.map((n) => n.id).join("; ")}; }`);
    // Graphviz leaves out a box with nothing in it: a subnet the stack puts nothing in holds a point
    // not drawn, laid out after what its zone's other subnets hold.
    const beside = g.groups.flatMap((inner) => inner.nodes)[0];
    for (const empty of g.groups.filter((inner) => beside && !inner.nodes.length && !inner.groups.length)) {
      empties.push(`  ${beside.id} -> ${empty.id}_empty [style=invis];`);
    }
    if (g.kind === "vpc" && g.groups.length) {
      // The zones (or the subnets known by ID) in a box of their own, not drawn: what else the VPC
      // holds goes above or below them, not between.
      lines.push(`${indent}  subgraph cluster_${g.id}_zones {`, `${indent}    label=""; style=invis;`);
      for (const inner of zoneOrders(g.groups)[Math.floor(attempt / 2)] ?? g.groups) group(inner, `${indent}    `);
      lines.push(`${indent}  }`);
    } else for (const inner of inTurn(g.groups)) group(inner, `${indent}  `);
    lines.push(`${indent}}`);
  };
  for (const n of inTurn(architecture.outside)) node(n, "  ");
  group(architecture.region, "  ");
  const groups = new Map(allGroups(architecture.region).map((g) => [g.id, g]));
  /** An edge's end drawn at a box's border: the node inside it the line aims at, and the box it is clipped to. */
  const end = (endpoint: string): { node?: string; cluster?: string } => {
    const box = groups.get(endpoint);
    if (!box) return { node: endpoint };
    return { node: allGroups(box).flatMap((g) => g.nodes)[0]?.id, cluster: `cluster_${box.id}` };
  };
  for (const edge of architecture.edges) {
    // Traffic on its way out is laid out from the internet inward, its arrow turned back: the
    // internet and the gateways stay on the left where requests come in, the tasks on the right.
    const [tail, head] = edge.outbound ? [end(edge.to), end(edge.from)] : [end(edge.from), end(edge.to)];
    if (!tail.node || !head.node) continue;
    const pen = colours(edge.chapter).pen;
    const attributes = [
      edge.label && `label=${dotLabel(edge.label)}`,
      edge.dashed && "style=dashed",
      edge.outbound && "dir=back",
      tail.cluster && `ltail=${tail.cluster}`,
      head.cluster && `lhead=${head.cluster}`,
      edge.chapter && `color="${pen}", fontcolor="${pen}"`,
      // Held short: the internet gateway at the VPC's edge next to the internet, the NAT gateways by it.
      edge.near && "weight=8",
    ]
      .filter(Boolean)
      .join(", ");
    lines.push(`  ${tail.node} -> ${head.node}${attributes ? ` [${attributes}]` : ""};`);
  }
  lines.push(...empties, "}");
  return lines.join("\n");
}

/** The orders to declare zones in, most likely first: last first (Graphviz stacks the first lowest), then the others. */
function zoneOrders(zones: readonly Group[]): Group[][] {
  const orders = (rest: readonly Group[]): Group[][] =>
    rest.length <= 1
      ? [[...rest]]
      : rest.flatMap((zone, index) => orders(rest.filter((_, other) => other !== index)).map((order) => [zone, ...order]));
  return orders([...zones].reverse()).slice(0, DOT_ATTEMPTS / 2);
}

/** The labels of a laid-out SVG's zones, top to bottom: what a reader sees. */
export function zonesTopToBottom(svg: string): string[] {
  const zones = [...svg.matchAll(/<title>cluster_zone_[^<]*<\/title>[\s\S]*?<text[^>]* y="([-\d.]+)"[^>]*>([^<]*)<\/text>/g)];
  return zones.sort((a, b) => Number(a[1]) - Number(b[1])).map((match) => match[2].replaceAll("&#45;", "-"));
}

/** The title, and the legend box: a cell in each chapter's colours naming it. */
function legendTable(architecture: Architecture): string {
  const cells = chaptersOf(architecture).map(
    ({ chapter, label }) => `<td bgcolor="${PALETTE[chapter].fill}" color="${PALETTE[chapter].pen}">${escaped(label)}</td>`,
  );
  return [
    '<table border="0" cellborder="1" cellspacing="4" cellpadding="5">',
    `<tr><td border="0" align="left" colspan="${cells.length + 1}"><font point-size="16"><b>${escaped(architecture.title)}</b></font></td></tr>`,
    `<tr><td border="0">Legend, by the hands-on's chapters:</td>${cells.join("")}</tr>`,
    "</table>",
  ].join("");
}
