import { writablePathsRule } from "../../../src/settings/rules/writable-paths";
import { describeRule } from "./check-rule";

describeRule(writablePathsRule, {
  passing: [{}, { writablePaths: ["/var/cache/nginx", "/var/run", "/tmp"] }],
  failing: [
    [
      { writablePaths: ["var/run"] },
      'app/web.writablePaths[0]: must be an absolute path other than /, such as /var/cache/nginx; received "var/run"',
    ],
    [{ writablePaths: ["/"] }, "app/web.writablePaths[0]: must be an absolute path other than /"],
    [
      { writablePaths: ["/var/run", "/var-run"] },
      'app/web.writablePaths[1]: must differ from /var/run: both would be the volume "var-run"; received "/var-run"',
    ],
  ],
});
