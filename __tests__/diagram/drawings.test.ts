import { instance } from "@viz-js/viz";
import type { Architecture, DiagramNode } from "../../src/diagram/architecture";
import { allGroups, chaptersOf, zonesTopToBottom } from "../../src/diagram/render";
import { type Diagram, renderDiagrams } from "../../tools/scripts/diagrams";

/**
 * Nodes of a drawing meant to stand alone, with why: every other node has at least one line to or
 * from it. Matched against the Mermaid drawing's node ids (the architecture's own nodes have none).
 */
const STANDING_ALONE: readonly { readonly id: RegExp; readonly reason: string }[] = [
  { id: /^legend_/, reason: "the legend's entries name the colours; they are no part of the architecture" },
];

/** Text that reads as a Terraform address rather than as what it is: `aws_s3_bucket_policy_alb_logs`, `aws_lb.main`. */
const TERRAFORM_ADDRESS = /\b(data\.)?aws_[a-z0-9]+_[a-z0-9_]+|\baws_[a-z0-9_]+\.[a-z]/;

const nodesOf = (architecture: Architecture): DiagramNode[] => [
  ...architecture.outside,
  ...allGroups(architecture.region).flatMap((group) => group.nodes),
];

/** The text an SVG shows, its entities read. */
const shownIn = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1].replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replaceAll("&amp;", "&"),
  );

/** The Mermaid drawing as a graph: its nodes and boxes by id, and its links (drawn or not). */
function mermaidGraph(mermaid: string) {
  const nodes = [...mermaid.matchAll(/^\s*(\w+)\["/gm)].map((match) => match[1]);
  const boxes = [...mermaid.matchAll(/^\s*subgraph (\w+)\[/gm)].map((match) => match[1]);
  const links = [...mermaid.matchAll(/^\s*(\w+) (?:-->|-\.->|<-->|<-\.->|~~~)(?:\|"[^"]*"\|)? (\w+)$/gm)].map((match) => [
    match[1],
    match[2],
  ]);
  return { nodes, boxes, links };
}

/** The DOT drawing as a graph: the nodes it declares, and its edges. */
function dotGraph(dot: string) {
  const nodes = [...dot.matchAll(/^\s*(\w+) \[label=/gm)].map((match) => match[1]);
  const edges = [...dot.matchAll(/^\s*(\w+) -> (\w+)/gm)].map((match) => [match[1], match[2]]);
  return { nodes, edges };
}

describe("the shipped environments' drawings", () => {
  let diagrams: Diagram[];
  beforeAll(async () => {
    diagrams = await renderDiagrams();
  }, 120_000);

  it("are drawn for every whole environment", () => {
    expect(diagrams.map(({ name }) => name)).toEqual(expect.arrayContaining(["handson", "lean", "production", "shop"]));
  });

  it("link only what is drawn: every end of a line is a node or a box, in the graph, in Mermaid and in DOT", () => {
    for (const { name, architecture, mermaid, dot } of diagrams) {
      const ids = new Set([...nodesOf(architecture).map((node) => node.id), ...allGroups(architecture.region).map((group) => group.id)]);
      expect(
        architecture.edges.flatMap((edge) => [edge.from, edge.to]).filter((end) => !ids.has(end)),
        name,
      ).toEqual([]);
      const drawn = mermaidGraph(mermaid);
      const declared = new Set([...drawn.nodes, ...drawn.boxes]);
      expect(
        drawn.links.flat().filter((end) => !declared.has(end)),
        `${name} (Mermaid)`,
      ).toEqual([]);
      const graph = dotGraph(dot);
      // Graphviz would draw an undeclared end as a box labelled with its id.
      expect(
        graph.edges.flat().filter((end) => !graph.nodes.includes(end)),
        `${name} (DOT)`,
      ).toEqual([]);
    }
  });

  it("leave no node without a line, but those meant to stand alone", () => {
    for (const { name, architecture, mermaid } of diagrams) {
      const ends = new Set(architecture.edges.flatMap((edge) => [edge.from, edge.to]));
      expect(
        nodesOf(architecture)
          .filter((node) => !ends.has(node.id))
          .map((node) => node.label),
        name,
      ).toEqual([]);
      const drawn = mermaidGraph(mermaid);
      const linked = new Set(drawn.links.flat());
      const alone = drawn.nodes.filter((node) => !linked.has(node) && !STANDING_ALONE.some(({ id }) => id.test(node)));
      expect(alone, `${name} (Mermaid)`).toEqual([]);
    }
  });

  it("label every part as what it is, never by its Terraform address", () => {
    for (const { name, architecture, svg } of diagrams) {
      const labels = [
        ...nodesOf(architecture).map((node) => node.label),
        ...allGroups(architecture.region).map((group) => group.label),
        ...architecture.edges.flatMap((edge) => edge.label ?? []),
      ];
      expect(
        labels.filter((label) => TERRAFORM_ADDRESS.test(label)),
        name,
      ).toEqual([]);
      expect(
        shownIn(svg).filter((text) => TERRAFORM_ADDRESS.test(text)),
        `${name} (SVG)`,
      ).toEqual([]);
    }
  });

  it("read the zones a, c, d from the top: in the graph, in the laid-out SVG, and declared last first for Mermaid's layout", () => {
    for (const { name, architecture, svg, mermaid } of diagrams) {
      const zones = allGroups(architecture.region)
        .filter((group) => group.kind === "zone")
        .map((group) => group.label);
      expect(zones.length, name).toBeGreaterThan(1);
      expect(zones, name).toEqual([...zones].sort());
      expect(zonesTopToBottom(svg), `${name} (SVG)`).toEqual(zones);
      const declared = [...mermaid.matchAll(/subgraph zone_\w+\["([^"]*)"\]/g)].map((match) => match[1]);
      expect(declared, `${name} (Mermaid)`).toEqual([...zones].reverse());
    }
  });

  it("give every service task boxes of its own in each of its subnets, reached from its own target group", () => {
    for (const { name, architecture } of diagrams) {
      const nodes = nodesOf(architecture);
      const services = nodes.filter((node) => node.id.startsWith("aws_ecs_service_"));
      const tasks = nodes.filter((node) => node.label.startsWith("Fargate tasks"));
      expect(services.length, name).toBeGreaterThan(0);
      const runs = (service: DiagramNode) =>
        architecture.edges.filter((edge) => edge.from === service.id && tasks.some((box) => box.id === edge.to)).map((edge) => edge.to);
      for (const service of services) expect(runs(service).length, `${name}: ${service.label}`).toBeGreaterThan(0);
      // Each task box is one service's, and the target group that reaches it is that service's alone.
      for (const box of tasks) {
        const owners = services.filter((service) => runs(service).includes(box.id));
        expect(owners, `${name}: ${box.id}`).toHaveLength(1);
        const groups = architecture.edges.filter((edge) => edge.to === box.id && edge.from.startsWith("aws_lb_target_group_"));
        expect(groups, `${name}: ${box.id}`).toHaveLength(1);
        const boxesOfGroup = architecture.edges.filter((edge) => edge.from === groups[0].from).map((edge) => edge.to);
        expect(
          boxesOfGroup.every((other) => runs(owners[0]).includes(other)),
          `${name}: ${box.id}`,
        ).toBe(true);
      }
      if (services.length > 1) {
        for (const service of services) {
          const serviceName = /^Service ([^:]+):/.exec(service.label)?.[1];
          expect(
            runs(service).every((id) => tasks.find((box) => box.id === id)?.label === `Fargate tasks ${serviceName}`),
            `${name}: ${service.label}`,
          ).toBe(true);
        }
      }
    }
  });

  it("carry a legend naming each colour: a box in the SVG, classes and a legend subgraph in Mermaid", () => {
    for (const { name, architecture, dot, svg, mermaid } of diagrams) {
      const chapters = chaptersOf(architecture);
      expect(
        chapters.map(({ chapter }) => chapter),
        name,
      ).toEqual(expect.arrayContaining(["vpc", "alb", "ecs"]));
      expect(shownIn(svg), name).toContain("Legend, by the hands-on's chapters:");
      expect(dot, name).toMatch(/label=<<table/);
      expect(mermaid, name).toMatch(/^ {2}subgraph legend\["Legend/m);
      for (const { chapter, label } of chapters) {
        expect(shownIn(svg), `${name}: ${chapter}`).toContain(label);
        expect(mermaid, `${name}: ${chapter}`).toMatch(new RegExp(`^ {2}classDef ${chapter} fill:`, "m"));
        expect(mermaid, `${name}: ${chapter}`).toContain(`legend_${chapter}["${label}"]:::${chapter}`);
      }
    }
  });

  it("are laid out in a font Graphviz has metrics for, so that every label fits its box", async () => {
    const viz = await instance();
    for (const { name, dot } of diagrams) {
      const { errors } = viz.render(dot, { format: "svg" });
      expect(
        errors.filter((error) => /metrics|triangulation|path/i.test(error.message)),
        name,
      ).toEqual([]);
    }
  });
});
