// Part of `npm run bench`: the wall time of `npm run release` against `npm run deploy` for the same
// image change, on a local AWS API (moto, the tests' launcher). A stack with two services, one
// whose images releases deploy and one whose images terraform apply deploys; each run changes each
// service's image the way its owner does, alternately, so that both see the same machine load.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { EnvironmentFile } from "../../src/settings/settings";
import { awsClients, createStateBucket } from "../harness/aws-inventory";
import { startMoto } from "../harness/moto";
import { startCommand } from "../harness/run-command";
import { terraformEnv } from "../harness/terraform-env";
import { twoServices } from "../harness/two-services";

const ROOT = join(__dirname, "..", "..");
const RUNS = Number(process.env.BENCH_RELEASE_RUNS ?? 3);
const REGION = "ap-northeast-1";

const file = (apiImage: string): EnvironmentFile =>
  twoServices({ name: "bench", region: REGION, state: { bucket: "bench-state", key: "bench.tfstate" }, api: { image: apiImage } });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const moto = await startMoto();
  const config = mkdtempSync(join(tmpdir(), "bench-config-"));
  const outdir = join(mkdtempSync(join(tmpdir(), "bench-out-")), "cdktf.out");
  try {
    await createStateBucket(awsClients(moto.endpoint, REGION).s3, "bench-state", REGION);
    const env = { ...terraformEnv(moto.env(REGION)), CONFIG_DIR: config, CI: "true" };
    const npm = async (script: string, args: string[]) => {
      const started = performance.now();
      const { code, stdout, stderr } = await startCommand("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, env }).done;
      if (code !== 0) throw new Error(`npm run ${script} exited ${code}:\n${stderr}${stdout.slice(-2_000)}`);
      return performance.now() - started;
    };
    const deploy = (apiImage: string) => {
      writeFileSync(join(config, "bench.json"), JSON.stringify(file(apiImage)));
      return npm("deploy", ["bench", "--auto-approve", "--skip-provider-lock", "--output", outdir]);
    };
    const release = (image: string) => npm("release", ["bench", "--service", "web", "--image", image, "--poll-interval", "1s"]);

    await deploy("nginx:1.26"); // the first apply: not measured
    const releases: number[] = [];
    const deploys: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const image = run % 2 ? "nginx:1.26" : "nginx:1.27";
      releases.push(await release(image));
      deploys.push(await deploy(image));
    }
    const [releaseMs, deployMs] = [median(releases), median(deploys)];
    const ratio = releaseMs / deployMs;
    console.log(`\nan image change on moto, median of ${RUNS} each (a release of one service; a deploy of the whole stack)`);
    console.log(`npm run release                            ${releaseMs.toFixed(0).padStart(7)} ms`);
    console.log(`npm run deploy (file's image changed)      ${deployMs.toFixed(0).padStart(7)} ms`);
    console.log(`release / deploy: ${ratio.toFixed(2)} (target <= 0.20: ${ratio <= 0.2 ? "met" : "MISSED"})`);
  } finally {
    await moto.stop();
    rmSync(config, { recursive: true, force: true });
    rmSync(join(outdir, ".."), { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`bench (release): ${error.message}`);
  process.exit(1);
});
