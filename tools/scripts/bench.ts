// `npm run bench`: wall time and peak memory of synthesizing the handson stack — the real app,
// main.ts, given only config/handson.json — side by side with a bare stack (one provider, one
// resource), each in fresh Node processes, interleaved so both see the same machine load. Prints
// medians and the targets; it does not fail on a miss.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ROOT = join(__dirname, "..", "..");
const KINDS = { bare: join(__dirname, "bench-bare.ts"), handson: join(ROOT, "main.ts") };
type Kind = keyof typeof KINDS;

interface Sample {
  readonly wallMs: number;
  readonly peakMiB: number;
}

const configDir = mkdtempSync(join(tmpdir(), "bench-config-"));
copyFileSync(join(ROOT, "config", "handson.json"), join(configDir, "handson.json"));

function runOnce(kind: Kind): Sample {
  const outdir = mkdtempSync(join(tmpdir(), "bench-out-"));
  const args = ["--require", join(__dirname, "bench-peak-memory.cjs"), "--import", "tsx", KINDS[kind]];
  const started = performance.now();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CDKTF_OUTDIR: outdir, CONFIG_DIR: configDir },
  });
  const wallMs = performance.now() - started;
  rmSync(outdir, { recursive: true, force: true });
  const peak = /BENCH_MAX_RSS_KIB=(\d+)/.exec(child.stderr);
  if (child.status !== 0 || !peak) throw new Error(`synthesizing ${kind} failed:\n${child.stderr}`);
  return { wallMs, peakMiB: Number(peak[1]) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kinds = Object.keys(KINDS) as Kind[];
kinds.forEach(runOnce); // warms tsx's transform cache and the file system cache for both
const samples: Record<Kind, Sample[]> = { bare: [], handson: [] };
for (let i = 0; i < RUNS; i++) for (const kind of kinds) samples[kind].push(runOnce(kind));
rmSync(configDir, { recursive: true, force: true });

const result = Object.fromEntries(
  kinds.map((kind) => [kind, { wallMs: median(samples[kind].map((s) => s.wallMs)), peakMiB: median(samples[kind].map((s) => s.peakMiB)) }]),
) as Record<Kind, Sample>;
const ratio = result.handson.wallMs / result.bare.wallMs;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

console.log(`synthesis, median of ${RUNS} cold processes each (node ${process.version}, ${process.platform})`);
console.log("stack     wall ms   peak MiB");
for (const kind of kinds) {
  console.log(`${kind.padEnd(9)} ${result[kind].wallMs.toFixed(0).padStart(7)}   ${result[kind].peakMiB.toFixed(1).padStart(8)}`);
}
console.log(`handson / bare wall time: ${ratio.toFixed(2)}x (target <= 1.30x: ${verdict(ratio <= 1.3)})`);
console.log(`handson peak memory: ${result.handson.peakMiB.toFixed(1)} MiB (target <= 200 MiB: ${verdict(result.handson.peakMiB <= 200)})`);
