import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** A running moto server (local AWS API emulator) on a loopback port of its own. */
export interface MotoServer {
  readonly endpoint: string;
  readonly port: number;
  /**
   * This process's environment with every AWS_* setting replaced by ones that send Terraform, cdktf
   * and the AWS SDK to this server: no profile or real credential can leak into a test.
   */
  env(region: string): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function withoutAwsSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("AWS_")));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // python3 is often a shim script (pyenv): signal its whole process group, not only the shim.
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** The patched moto of the tests, started as `moto_server` would be: see the launcher for each gap it closes. */
export const MOTO_LAUNCHER = join(__dirname, "moto-launcher.py");

/**
 * Environment of the emulator: ACM issues a DNS-validated certificate a second after its records
 * exist, not a minute; IAM knows AWS's managed policies (ReadOnlyAccess, which a role may attach),
 * as every account does.
 */
const MOTO_ENV = { MOTO_ACM_VALIDATION_WAIT: "1", MOTO_IAM_LOAD_MANAGED_POLICIES: "true" };

async function startOnce(python: string): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://${HOST}:${port}`;
  const child = spawn(python, [MOTO_LAUNCHER, "-H", HOST, "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...MOTO_ENV },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      stderr = `${python}: ${error.message} (set MOTO_PYTHON to a Python with moto 5.2.1 installed)`;
      resolve();
    });
  });
  let running = true;
  void exited.then(() => (running = false));

  const stopOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", stopOnExit);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(endpoint))) {
    if (!running || Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      process.removeListener("exit", stopOnExit);
      throw new Error(`moto did not start on ${endpoint}: ${stderr.trim() || "no output"}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    endpoint,
    port,
    env: (region) => ({
      ...withoutAwsSettings(process.env),
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_EC2_METADATA_DISABLED: "true",
    }),
    stop: async () => {
      process.removeListener("exit", stopOnExit);
      if (!running) return;
      killGroup(child, "SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
      if (!stopped) killGroup(child, "SIGKILL");
    },
  };
}

/**
 * Starts moto through its launcher, with `python3` (or `MOTO_PYTHON`, a Python with moto 5.2.1),
 * on a free port of 127.0.0.1 and waits until it answers. The server is stopped by `stop()`, and
 * killed when this process exits in any case.
 */
export async function startMoto(): Promise<MotoServer> {
  const command = process.env.MOTO_PYTHON ?? "python3";
  let lastError: unknown;
  // Another process can take the free port between our probe and moto's bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(command);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
