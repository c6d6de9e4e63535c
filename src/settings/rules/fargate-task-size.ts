import type { SettingsRule } from "./rule";

const steps = (from: number, to: number, step: number) => Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

/** Fargate's valid memory (MiB) for each CPU value. */
const FARGATE_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: steps(1024, 4096, 1024),
  1024: steps(2048, 8192, 1024),
  2048: steps(4096, 16384, 1024),
  4096: steps(8192, 30720, 1024),
  8192: steps(16384, 61440, 4096),
  16384: steps(32768, 122880, 8192),
};

export const fargateTaskSizeRule: SettingsRule = {
  id: "fargate-task-size",
  summary: "`cpu` and `memory` are one of Fargate's valid pairs",
  check(s, { usable }) {
    if (!usable("cpu", "memory")) return [];
    const allowed = FARGATE_MEMORY[s.cpu];
    if (allowed.includes(s.memory)) return [];
    const text =
      allowed.length <= 4 ? allowed.join(", ") : `${allowed[0]} to ${allowed[allowed.length - 1]} in steps of ${allowed[1] - allowed[0]}`;
    return [{ path: "memory", rule: `must be ${text} MiB with cpu ${s.cpu} (Fargate's valid pairs)`, value: s.memory }];
  },
};
