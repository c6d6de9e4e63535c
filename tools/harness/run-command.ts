import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

/** What a finished command left. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Called with each line a command prints on its standard output, as it prints it. */
export type LineListener = (line: string) => void;

/** Starts a command without waiting, collecting its output; `done` settles when it has exited. */
export function startCommand(
  command: string,
  args: string[],
  options: SpawnOptions,
  onLine?: LineListener,
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    if (!onLine) return;
    const lines = (pending + text).split("\n");
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (onLine && pending) onLine(pending);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}
