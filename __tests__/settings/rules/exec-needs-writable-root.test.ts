import { execNeedsWritableRootRule } from "../../../src/settings/rules/exec-needs-writable-root";
import { describeRule } from "./check-rule";

describeRule(execNeedsWritableRootRule, {
  passing: [{}, { enableExecuteCommand: true }, { readonlyRootFilesystem: true, writablePaths: ["/tmp"] }],
  failing: [
    [
      { enableExecuteCommand: true, readonlyRootFilesystem: true },
      "app/web.enableExecuteCommand: must be false while readonlyRootFilesystem is true",
    ],
  ],
});
