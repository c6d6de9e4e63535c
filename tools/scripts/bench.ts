// `npm run bench`: wall time and peak memory of synthesis, each run a fresh process, the kinds
// interleaved so that all see the same machine load; prints medians and the targets, and does
// not fail on a miss. Kinds: a bare cdktf app (one provider, one resource: the floor any cdktf
// app pays); the real app given only config/handson.json; the shipped environments in one Node
// process and through `npm run synth`, the command the README gives; 10 and 50 environments. Then
// (bench-release.ts, unless BENCH_RELEASE=0) an image change released against the same deployed.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ROOT = join(__dirname, "..", "..");
const NODE_APP = (script: string) => [process.execPath, "--import", "tsx", script];

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-config-"));
  for (const [name, source] of Object.entries(files)) copyFileSync(source, join(dir, name));
  return dir;
}

function generatedEnvironments(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-config-"));
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `env-${i}.json`), JSON.stringify({ name: `env-${i}`, natGateways: "single" }));
  return dir;
}

const shipped = Object.fromEntries(
  readdirSync(join(ROOT, "config"))
    .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
    .map((file) => [file, join(ROOT, "config", file)]),
);
const dirs = {
  handson: configDir({ "handson.json": join(ROOT, "config", "handson.json") }),
  shipped: configDir(shipped),
  ten: generatedEnvironments(10),
  fifty: generatedEnvironments(50),
};

interface Kind {
  readonly label: string;
  readonly command: string[];
  readonly configDir?: string;
}

const KINDS = {
  bare: { label: "bare app (1 provider, 1 resource)", command: NODE_APP(join(__dirname, "bench-bare.ts")) },
  handson: { label: "handson, in one process", command: NODE_APP(join(ROOT, "main.ts")), configDir: dirs.handson },
  shipped: {
    label: `shipped environments (${Object.keys(shipped).length}), in one process`,
    command: NODE_APP(join(ROOT, "main.ts")),
    configDir: dirs.shipped,
  },
  npmSynth: { label: "shipped environments, `npm run synth`", command: ["npm", "run", "synth"], configDir: dirs.shipped },
  ten: { label: "10 environments, in one process", command: NODE_APP(join(ROOT, "main.ts")), configDir: dirs.ten },
  fifty: { label: "50 environments, in one process", command: NODE_APP(join(ROOT, "main.ts")), configDir: dirs.fifty },
} satisfies Record<string, Kind>;
type KindName = keyof typeof KINDS;

interface Sample {
  readonly wallMs: number;
  /** The peak resident memory of the largest single process of the run. */
  readonly peakMiB: number;
}

function runOnce(name: KindName): Sample {
  const kind: Kind = KINDS[name];
  const outdir = mkdtempSync(join(tmpdir(), "bench-out-"));
  const [command, ...args] = kind.command;
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      // Every Node process of the run (npm's own included) reports its peak memory on exit.
      NODE_OPTIONS: `--require ${join(__dirname, "bench-peak-memory.cjs")}`,
      CDKTF_OUTDIR: outdir,
      ...(kind.configDir ? { CONFIG_DIR: kind.configDir } : {}),
    },
  });
  const wallMs = performance.now() - started;
  rmSync(outdir, { recursive: true, force: true });
  const peaks = [...child.stderr.matchAll(/BENCH_MAX_RSS_KIB=(\d+)/g)].map((match) => Number(match[1]));
  if (child.status !== 0 || !peaks.length) throw new Error(`${kind.label} failed:\n${child.stderr}`);
  return { wallMs, peakMiB: Math.max(...peaks) / 1024 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const names = Object.keys(KINDS) as KindName[];
names.forEach(runOnce); // warms tsx's transform cache and the file system cache for every kind
const samples = Object.fromEntries(names.map((name) => [name, [] as Sample[]])) as Record<KindName, Sample[]>;
for (let i = 0; i < RUNS; i++) for (const name of names) samples[name].push(runOnce(name));
for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });

const result = Object.fromEntries(
  names.map((name) => [name, { wallMs: median(samples[name].map((s) => s.wallMs)), peakMiB: median(samples[name].map((s) => s.peakMiB)) }]),
) as Record<KindName, Sample>;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const times = (ratio: number) => `${ratio.toFixed(2)}x`;

console.log(`synthesis, median of ${RUNS} cold processes each (node ${process.version}, ${process.platform}, ${cpus().length} cores)`);
console.log(`${"run".padEnd(42)} wall ms   peak MiB`);
for (const name of names) {
  console.log(
    `${KINDS[name].label.padEnd(42)} ${result[name].wallMs.toFixed(0).padStart(7)}   ${result[name].peakMiB.toFixed(1).padStart(8)}`,
  );
}
console.log("");
const handsonRatio = result.handson.wallMs / result.bare.wallMs;
console.log(`handson / bare app, wall time: ${times(handsonRatio)} (target <= 2.00x: ${verdict(handsonRatio <= 2)})`);
console.log(`handson peak memory: ${result.handson.peakMiB.toFixed(1)} MiB (target <= 200 MiB: ${verdict(result.handson.peakMiB <= 200)})`);
const userWall = result.npmSynth.wallMs / result.shipped.wallMs;
const userPeak = result.npmSynth.peakMiB / result.shipped.peakMiB;
console.log(
  `npm run synth / in one process: wall ${times(userWall)}, peak memory ${times(userPeak)} ` +
    `(target <= 1.50x each: ${verdict(userWall <= 1.5 && userPeak <= 1.5)})`,
);
// Linear growth: a stack costs the same whether it is the 10th or the 50th.
const firstTen = (result.ten.wallMs - result.handson.wallMs) / 9;
const nextForty = (result.fifty.wallMs - result.ten.wallMs) / 40;
console.log(
  `50 environments: ${result.fifty.wallMs.toFixed(0)} ms, ${result.fifty.peakMiB.toFixed(1)} MiB; each stack adds ` +
    `${firstTen.toFixed(1)} ms from 1 to 10 environments and ${nextForty.toFixed(1)} ms from 10 to 50 ` +
    `(target: linear, the later ones <= 1.5x the first: ${verdict(nextForty <= 1.5 * firstTen)})`,
);

if (process.env.BENCH_RELEASE !== "0") {
  const release = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "bench-release.ts")], { cwd: ROOT, stdio: "inherit" });
  if (release.status !== 0) process.exitCode = release.status ?? 1;
}
