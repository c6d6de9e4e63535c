/** One thing wrong with a value: where (a dotted path), which rule it breaks, and the value. */
export interface Problem {
  readonly path: string;
  readonly rule: string;
  readonly value: unknown;
}

/** Settings that AWS would refuse, or that contradict each other: every problem, one per line. */
export class SettingsError extends Error {
  constructor(public readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "SettingsError";
  }
}

/** Where settings come from, for messages: `config/production.json: memory: …` or `app/api.memory: …`. */
export interface SettingsSource {
  readonly name: string;
  readonly separator: ": " | ".";
}

export const fileSource = (file: string): SettingsSource => ({ name: file, separator: ": " });
export const constructSource = (path: string): SettingsSource => ({ name: path, separator: "." });

/** `<where>: <field>: <rule>; received <value>`, the one shape of every message. */
export function describeProblem(where: SettingsSource, problem: Problem): string {
  const field = problem.path ? `${where.name}${where.separator}${problem.path}` : where.name;
  return `${field}: ${problem.rule}; received ${show(problem.value)}`;
}

/** Throws a {@link SettingsError} listing these problems, if there are any. */
export function throwIfAny(where: SettingsSource, problems: readonly Problem[]): void {
  if (problems.length) throw new SettingsError(problems.map((problem) => describeProblem(where, problem)));
}

/** Renders a value for a message: strings quoted, structures as compact JSON, absence as "nothing". */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
