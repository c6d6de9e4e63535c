import type { CostEstimate } from "./estimate-cost";

const dollars = (amount: number) => `${amount < 0 ? "-" : ""}$${Math.abs(amount).toFixed(2)}`;
const signed = (amount: number) => `${amount > 0 ? "+" : ""}${dollars(amount)}`;

/**
 * What a change does to the monthly cost of each environment, as Markdown for a pull request's
 * summary: the totals before and after, then every line whose cost moved.
 */
export function compareCosts(before: Readonly<Record<string, CostEstimate>>, after: Readonly<Record<string, CostEstimate>>): string {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const sections = names.map((name) => {
    const [was, now] = [before[name], after[name]];
    const total = (estimate?: CostEstimate) => estimate?.monthly ?? 0;
    const heading = `**${name}**: ${dollars(total(was))} → ${dollars(total(now))} a month (${signed(total(now) - total(was))})`;
    const key = (line: { item: string; address: string }) => `${line.address}\u0000${line.item}`;
    const cost = (estimate: CostEstimate | undefined) => new Map((estimate?.lines ?? []).map((line) => [key(line), line]));
    const [wasLines, nowLines] = [cost(was), cost(now)];
    const moved = [...new Set([...wasLines.keys(), ...nowLines.keys()])]
      .map((lineKey) => ({
        line: nowLines.get(lineKey) ?? wasLines.get(lineKey)!,
        from: wasLines.get(lineKey)?.monthly ?? 0,
        to: nowLines.get(lineKey)?.monthly ?? 0,
      }))
      .filter(({ from, to }) => from !== to)
      .sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
    if (!moved.length) return `${heading}: no line changes.`;
    const rows = moved.map(
      ({ line, from, to }) => `| ${line.item} | \`${line.address}\` | ${dollars(from)} | ${dollars(to)} | ${signed(to - from)} |`,
    );
    return [heading, "", "| Item | Resource | Before | After | Change |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
  });
  return sections.join("\n\n");
}
