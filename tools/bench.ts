// `npm run bench`: wall time and peak memory of synthesizing the handson stack, side by side with a
// bare stack (one provider, one resource), each in fresh Node processes, interleaved so that both
// see the same machine load. Prints medians and the targets; it does not fail on a miss.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { join } from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KINDS = ["bare", "handson"] as const;
type Kind = (typeof KINDS)[number];

interface Sample {
  readonly wallMs: number;
  readonly peakMiB: number;
}

function runOnce(kind: Kind): Sample {
  const started = performance.now();
  const child = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "bench-synth.ts"), kind], {
    encoding: "utf8",
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`synthesizing ${kind} failed:\n${child.stderr}`);
  const { maxRssKiB } = JSON.parse(child.stdout.trim().split("\n").pop()!);
  return { wallMs, peakMiB: maxRssKiB / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

runOnce("bare"); // warms tsx's transform cache and the file system cache for both
runOnce("handson");
const samples: Record<Kind, Sample[]> = { bare: [], handson: [] };
for (let i = 0; i < RUNS; i++) for (const kind of KINDS) samples[kind].push(runOnce(kind));

const result = Object.fromEntries(
  KINDS.map((kind) => [
    kind,
    { wallMs: median(samples[kind].map((s) => s.wallMs)), peakMiB: median(samples[kind].map((s) => s.peakMiB)) },
  ]),
) as Record<Kind, Sample>;
const ratio = result.handson.wallMs / result.bare.wallMs;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

console.log(`synthesis, median of ${RUNS} cold processes each (node ${process.version}, ${process.platform})`);
console.log("stack     wall ms   peak MiB");
for (const kind of KINDS) {
  console.log(`${kind.padEnd(9)} ${result[kind].wallMs.toFixed(0).padStart(7)}   ${result[kind].peakMiB.toFixed(1).padStart(8)}`);
}
console.log(`handson / bare wall time: ${ratio.toFixed(2)}x (target <= 1.30x: ${verdict(ratio <= 1.3)})`);
console.log(`handson peak memory: ${result.handson.peakMiB.toFixed(1)} MiB (target <= 200 MiB: ${verdict(result.handson.peakMiB <= 200)})`);
