import { readFileSync } from "node:fs";
import { getNodeValue, type Node, type ParseError, ParseErrorCode, parseTree } from "jsonc-parser";
import { show } from "../settings/problems";

/** A JSON file's value, or every reason it cannot be read as its author meant it. */
export type JsonFileResult = { readonly value: unknown } | { readonly problems: string[] };

/** What the parser expected, per error, in words. */
const EXPECTED: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: "must be valid JSON: a value, a property, or punctuation here",
  [ParseErrorCode.InvalidNumberFormat]: "must be valid JSON: a number such as 80 or 0.5",
  [ParseErrorCode.PropertyNameExpected]: 'must be valid JSON: a property name in double quotes, such as "name"',
  [ParseErrorCode.ValueExpected]:
    "must be valid JSON: a value (a string in double quotes, a number, true, false, null, an object or a list)",
  [ParseErrorCode.ColonExpected]: "must be valid JSON: a colon after the property name",
  [ParseErrorCode.CommaExpected]: "must be valid JSON: a comma between two entries",
  [ParseErrorCode.CloseBraceExpected]: "must be valid JSON: a } closing the object",
  [ParseErrorCode.CloseBracketExpected]: "must be valid JSON: a ] closing the list",
  [ParseErrorCode.EndOfFileExpected]: "must be valid JSON: nothing after the object",
  [ParseErrorCode.InvalidCommentToken]: "must be valid JSON, which has no comments",
  [ParseErrorCode.UnexpectedEndOfComment]: "must be valid JSON, which has no comments",
  [ParseErrorCode.UnexpectedEndOfString]: "must be valid JSON: a closing double quote on the same line",
  [ParseErrorCode.InvalidUnicode]: "must be valid JSON: a \\u escape of four hex digits",
  [ParseErrorCode.InvalidEscapeCharacter]: 'must be valid JSON: an escape such as \\n, \\t, \\" or \\\\',
  [ParseErrorCode.InvalidCharacter]: "must be valid JSON: no tab or line break inside a string (write \\t or \\n)",
};

/**
 * Reads a JSON file the way its author meant it, or says why it cannot. `JSON.parse` after
 * `readFileSync(…, "utf8")` hides several things: bytes that are not UTF-8 become U+FFFD (a file
 * saved as Shift_JIS or Latin-1 is silently changed); a key given twice keeps only its last value;
 * an integer too large for a double is rounded; a lone surrogate is kept as is, and AWS refuses
 * it later. Byte order marks (Notepad's UTF-8, PowerShell's UTF-16) are read as the encoding they
 * mark, and line endings do not matter.
 */
export function readJsonFile(path: string, shownAs: string): JsonFileResult {
  const text = decode(readFileSync(path));
  if (typeof text !== "string") return { problems: [`${shownAs}: ${text.problem}`] };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // The first syntax error is the one to fix: the parser's recovery makes the next ones guesses.
  if (errors.length || !root) return { problems: [`${shownAs}: ${describeSyntaxError(text, errors[0])}`] };

  const problems = [...hiddenProblems(root, text, "")].map(
    ({ path, rule, value }) => `${shownAs}: ${path || "(the file)"}: ${rule}; received ${value}`,
  );
  return problems.length ? { problems } : { value: getNodeValue(root) };
}

function decode(bytes: Buffer): string | { problem: string } {
  const [a, b, c] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  if (body.length > 1 && body.includes(0)) {
    return { problem: "must be text in UTF-8 (or UTF-16 with a byte order mark); received bytes with zeros, as UTF-16 without a mark has" };
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8(body);
    const line = body.subarray(0, offset).toString("latin1").split("\n").length;
    return {
      problem:
        `line ${line}: must be text in UTF-8, as JSON is; save the file as UTF-8 (it looks like Shift_JIS, Latin-1 or another ` +
        `legacy encoding); received byte 0x${body[offset].toString(16).padStart(2, "0")}`,
    };
  }
}

/** Where UTF-8 decoding failed, for the message: the first byte that starts no valid sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at];
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (!length) return at;
    for (let next = 1; next < length; next++) if ((bytes[at + next] & 0xc0) !== 0x80) return at;
    at += length;
  }
  return 0;
}

function describeSyntaxError(text: string, error: ParseError): string {
  const before = text.slice(0, error.offset);
  const line = before.split("\n").length;
  const column = error.offset - before.lastIndexOf("\n");
  const rule = EXPECTED[error.error] ?? "must be valid JSON";
  const trailingComma = /,\s*$/.test(before) && /^[\]}]/.test(text.slice(error.offset)) ? " (a comma before it has nothing after it)" : "";
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1)).split("\n")[0];
  const received = error.offset >= text.length ? "the end of the file" : show(found.slice(0, 40));
  return `line ${line}, column ${column}: ${rule}${trailingComma}; received ${received}`;
}

/** What JSON.parse would silently accept, but not as the author meant it. */
function* hiddenProblems(node: Node, text: string, path: string): Generator<{ path: string; rule: string; value: string }> {
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  switch (node.type) {
    case "object": {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key.value);
        const at = path ? `${path}.${name}` : name;
        const earlier = seen.get(name);
        if (earlier) {
          yield {
            path: at,
            rule: `must be given once (lines ${lineOf(earlier.offset)} and ${lineOf(key.offset)}): JSON keeps only the last`,
            value: `${show(getNodeValue(earlier.parent!.children![1]))} and ${show(getNodeValue(value))}`,
          };
        }
        seen.set(name, key);
        if (!String(name).isWellFormed())
          yield { path: at, rule: "must be a name in valid Unicode (it holds a lone surrogate escape)", value: show(name) };
        if (value) yield* hiddenProblems(value, text, at);
      }
      return;
    }
    case "array":
      for (const [index, item] of (node.children ?? []).entries()) yield* hiddenProblems(item, text, `${path}[${index}]`);
      return;
    case "number": {
      const written = text.slice(node.offset, node.offset + node.length);
      if (!Number.isFinite(node.value)) yield { path, rule: "must be a number a double can hold (at most about 1.8e308)", value: written };
      else if (/^-?\d+$/.test(written) && !Number.isSafeInteger(node.value)) {
        yield {
          path,
          rule: `must be an integer JSON numbers hold exactly (at most ${Number.MAX_SAFE_INTEGER}); JSON would read ${node.value}`,
          value: written,
        };
      }
      return;
    }
    case "string":
      if (!String(node.value).isWellFormed())
        yield { path, rule: "must be valid Unicode text (it holds a lone surrogate escape such as \\ud800)", value: show(node.value) };
      return;
    default:
      return;
  }
}
