import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { awsClients, inventory } from "../../tools/harness/aws-inventory";
import { startCommand } from "../../tools/harness/run-command";

const PROJECT = resolve(__dirname, "../..");

/**
 * Starts the deploy:local script in a process group of its own, as a terminal job is. `viaNpm`
 * runs it exactly as the README does; without it, the script runs directly, so its own exit code is
 * seen (npm re-raises a SIGINT its child received instead of passing the child's code on).
 */
function deployLocal(args: string[], viaNpm: boolean, onLine?: (line: string) => void, env: NodeJS.ProcessEnv = process.env) {
  const [command, ...commandArgs] = viaNpm
    ? ["npm", "run", "--silent", "deploy:local", "--", ...args]
    : [process.execPath, "--import", "tsx", "tools/scripts/deploy-local.ts", ...args];
  return startCommand(command, commandArgs, { cwd: PROJECT, detached: true, env }, onLine);
}

describe.concurrent("npm run deploy:local", () => {
  it("applies, prints the outputs and what exists, then destroys everything", async () => {
    const { code, stdout: output, stderr } = await deployLocal([], true).done;
    expect(code, stderr + output.slice(-3_000)).toBe(0);
    expect(output).toContain("aws_lb.main: Creating...");
    expect(output).toContain("Apply complete! Resources: 39 added, 0 changed, 0 destroyed.");
    expect(output).toContain("    handson (ap-northeast-1): $186.67 a month");
    expect(output).toMatch(/url = http:\/\/handson-\d+\.ap-northeast-1\.elb\.amazonaws\.com/);
    expect(output).toContain("ECS clusters: handson; services: handson/handson");
    expect(output).toMatch(/handson: serving nginx:1\.14 \(handson:1\): 1\/1 tasks running, 1 healthy target/);
    expect(output).toContain("Destroy complete! Resources: 39 destroyed.");
    expect(output).toContain("nothing left behind");
  });

  it("exits non-zero, naming the service and the cause, when the first deployment never becomes healthy", async () => {
    const config = mkdtempSync(join(tmpdir(), "config-"));
    // The tutorial, but an image whose tasks stop at once (the emulator's convention), and no wait in the apply.
    writeFileSync(join(config, "handson.json"), JSON.stringify({ image: "nginx:unhealthy", deployment: { waitForSteadyState: false } }));
    try {
      const { code, stdout, stderr } = await deployLocal([], false, undefined, {
        ...process.env,
        CONFIG_DIR: config,
        SERVICE_CHECK_TIMEOUT: "20s",
      }).done;
      expect(stdout).toContain("Apply complete!");
      expect(code, stdout.slice(-2_000)).toBe(1);
      expect(stderr).toContain(
        "handson: the deployment of nginx:unhealthy (handson:1) did not serve within 20 s: in progress, 0/1 tasks running",
      );
      expect(stderr).toMatch(/stopped tasks? .*Essential container in task exited/);
      expect(stderr).toMatch(/failing health check: .* Target\.FailedHealthChecks/);
      // It still cleans up after itself.
      expect(stdout).toContain("nothing left behind");
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });

  it("with --keep, leaves the stack running until Ctrl-C, then stops the emulator", async () => {
    let endpoint: string | undefined;
    let ready!: () => void;
    const kept = new Promise<void>((resolve) => (ready = resolve));
    const run = deployLocal(["--keep"], false, (line) => {
      endpoint ??= line.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
      if (line.includes("Press Ctrl-C")) ready();
    });
    await Promise.race([kept, run.done]);

    // WHILE it is kept: the service exists in the emulator it names
    expect(endpoint).toBeDefined();
    expect((await inventory(awsClients(endpoint!, "ap-northeast-1"))).services).toEqual(["handson/handson"]);

    // WHEN Ctrl-C reaches the job's process group, THEN it exits cleanly and the emulator is gone
    process.kill(-run.child.pid!, "SIGINT");
    const { code, stdout, stderr } = await run.done;
    expect(code, stderr + stdout.slice(-2_000)).toBe(0);
    await expect(fetch(`${endpoint}/moto-api/`)).rejects.toThrow();
  });
});
