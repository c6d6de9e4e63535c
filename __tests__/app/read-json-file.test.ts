import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJsonFile } from "../../src/app/read-json-file";

/** Reads these bytes (or this text, as UTF-8) as the file x.json. */
function read(content: string | Buffer) {
  const path = join(mkdtempSync(join(tmpdir(), "json-")), "x.json");
  writeFileSync(path, content);
  return readJsonFile(path, "config/x.json");
}

const utf16 = (text: string, endian: "le" | "be") => {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  return endian === "le" ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
};

describe("readJsonFile: files editors commonly produce, read as meant", () => {
  it.each([
    ["plain UTF-8", Buffer.from('{"name": "web"}')],
    ["UTF-8 with a byte order mark (Windows Notepad)", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name": "web"}')])],
    ["UTF-16 LE with a byte order mark (Windows PowerShell's > and Out-File)", utf16('{"name": "web"}', "le")],
    ["UTF-16 BE with a byte order mark", utf16('{"name": "web"}', "be")],
    ["CRLF line endings", Buffer.from('{\r\n  "name": "web"\r\n}\r\n')],
  ])("%s", (_, bytes) => {
    expect(read(bytes)).toEqual({ value: { name: "web" } });
  });

  it("keeps non-ASCII text, such as Japanese tag values", () => {
    expect(read('{"tags": {"部署": "決済"}}')).toEqual({ value: { tags: { 部署: "決済" } } });
  });
});

describe("readJsonFile: what JSON.parse hides", () => {
  it("refuses a key given twice, with both lines and both values", () => {
    expect(read('{\n  "cpu": 256,\n  "healthCheck": {"path": "/", "path": "/healthz"},\n  "cpu": 512\n}')).toEqual({
      problems: [
        'config/x.json: healthCheck.path: must be given once (lines 3 and 3): JSON keeps only the last; received "/" and "/healthz"',
        "config/x.json: cpu: must be given once (lines 2 and 4): JSON keeps only the last; received 256 and 512",
      ],
    });
  });

  it("refuses a file in a legacy encoding instead of turning its bytes into U+FFFD", () => {
    const shiftJis = Buffer.concat([Buffer.from('{\n"tags": {"Team": "'), Buffer.from([0x8c, 0x88, 0x8d, 0xcf]), Buffer.from('"}}')]);
    expect(read(shiftJis)).toEqual({
      problems: [
        "config/x.json: line 2: must be text in UTF-8, as JSON is; save the file as UTF-8 (it looks like Shift_JIS, Latin-1 or another legacy encoding); received byte 0x8c",
      ],
    });
  });

  it("refuses UTF-16 without a byte order mark", () => {
    expect(read(Buffer.from('{"name": "web"}', "utf16le"))).toEqual({
      problems: [
        "config/x.json: must be text in UTF-8 (or UTF-16 with a byte order mark); received bytes with zeros, as UTF-16 without a mark has",
      ],
    });
  });

  it("refuses integers a double cannot hold exactly, and numbers beyond a double", () => {
    expect(read('{"desiredCount": 9007199254740993, "memory": 1e400, "cpu": 256.0}')).toEqual({
      problems: [
        "config/x.json: desiredCount: must be an integer JSON numbers hold exactly (at most 9007199254740991); JSON would read 9007199254740992; received 9007199254740993",
        "config/x.json: memory: must be a number a double can hold (at most about 1.8e308); received 1e400",
      ],
    });
  });

  it("refuses lone surrogates, which AWS refuses at apply", () => {
    expect(read('{"tags": {"Team": "a\\ud800b"}}')).toEqual({
      problems: [
        'config/x.json: tags.Team: must be valid Unicode text (it holds a lone surrogate escape such as \\ud800); received "a\\ud800b"',
      ],
    });
  });
});

describe("readJsonFile: syntax errors, where they are", () => {
  it.each([
    ['{\n  "name": "web"\n  "cpu": 256\n}', 'line 3, column 3: must be valid JSON: a comma between two entries; received "\\"cpu\\""'],
    [
      '{\n  "name": "web",\n}',
      'line 3, column 1: must be valid JSON: a property name in double quotes, such as "name" (a comma before it has nothing after it); received "}"',
    ],
    [
      '{"azs": ["a", "b",]}',
      'line 1, column 19: must be valid JSON: a value (a string in double quotes, a number, true, false, null, an object or a list) (a comma before it has nothing after it); received "]"',
    ],
    ['{\n  // the tutorial\n  "name": "web"\n}', 'line 2, column 3: must be valid JSON, which has no comments; received "// the tutorial"'],
    ["{'name': 'web'}", "line 1, column 2: must be valid JSON: a value, a property, or punctuation here; received \"'name'\""],
    ['{"name": "web}', 'line 1, column 10: must be valid JSON: a closing double quote on the same line; received "\\"web}"'],
    [
      "",
      "line 1, column 1: must be valid JSON: a value (a string in double quotes, a number, true, false, null, an object or a list); received the end of the file",
    ],
  ])("%j", (text, problem) => {
    expect(read(text)).toEqual({ problems: [`config/x.json: ${problem}`] });
  });
});
