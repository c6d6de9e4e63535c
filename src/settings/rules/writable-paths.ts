import { volumeName } from "../../aws/container-definitions";
import type { Problem } from "../problems";
import type { SettingsRule } from "./rule";

const PATH = /^\/[A-Za-z0-9_.\-/]*[A-Za-z0-9_.-]$/;

export const writablePathsRule: SettingsRule = {
  id: "writable-paths",
  summary: "`writablePaths` are absolute paths other than `/`, each giving a volume of its own name",
  check(s, { usable }) {
    if (!usable("writablePaths")) return [];
    const problems: Problem[] = [];
    const volumes = new Map<string, string>();
    s.writablePaths.forEach((path, index) => {
      const at = `writablePaths[${index}]`;
      const volume = volumeName(path);
      const other = volumes.get(volume);
      if (!PATH.test(path))
        problems.push({ path: at, rule: "must be an absolute path other than /, such as /var/cache/nginx", value: path });
      else if (other !== undefined)
        problems.push({ path: at, rule: `must differ from ${other}: both would be the volume "${volume}"`, value: path });
      else volumes.set(volume, path);
    });
    return problems;
  },
};
