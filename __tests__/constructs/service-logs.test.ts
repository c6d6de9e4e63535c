import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { ServiceLogs } from "../../src/constructs/service-logs";
import { addresses, resourceAt, synthesizeScope } from "../helpers";

describe("ServiceLogs", () => {
  it("creates the containers' log group, /ecs/<name>, with its retention", () => {
    const synth = synthesizeScope((scope) => new ServiceLogs(scope, "logs", { name: "web", retentionDays: 30, containerLogs: true }));
    expect(synth.json).toHaveResourceWithProperties(CloudwatchLogGroup, { name: "/ecs/web", retention_in_days: 30 });
    expect(addresses(synth)).toEqual(["aws_cloudwatch_log_group.main"]);
  });

  it("adds the ECS Exec sessions' log group, and only that when container logs are off", () => {
    const synth = synthesizeScope(
      (scope) => new ServiceLogs(scope, "logs", { name: "web", retentionDays: 7, execSessions: true, addressPrefix: "api" }),
    );
    expect(addresses(synth)).toEqual(["aws_cloudwatch_log_group.api_exec"]);
    expect(resourceAt(synth, "aws_cloudwatch_log_group.api_exec")).toMatchObject({ name: "/ecs/web/exec", retention_in_days: 7 });
  });
});
