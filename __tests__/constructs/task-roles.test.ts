import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { policyDocument } from "../../src/aws/iam-policies";
import { TaskRoles } from "../../src/constructs/task-roles";
import { addresses, ref, resourceAt, synthesizeScope } from "../helpers";

const READ = policyDocument([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }]);

describe("TaskRoles", () => {
  it("creates both roles for ECS tasks to assume, each with its inline policy", () => {
    const synth = synthesizeScope(
      (scope) => new TaskRoles(scope, "roles", { namePrefix: "web-eu-west-1", executionPolicy: READ, taskRole: true, taskPolicy: READ }),
    );
    expect(addresses(synth)).toEqual([
      "aws_iam_role.execution",
      "aws_iam_role.task",
      "aws_iam_role_policy.execution",
      "aws_iam_role_policy.task",
    ]);
    expect(synth.json).toHaveResourceWithProperties(IamRole, { name: "web-eu-west-1-execution" });
    const trust = JSON.parse(resourceAt(synth, "aws_iam_role.task").assume_role_policy);
    expect(trust.Statement).toEqual([{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    expect(resourceAt(synth, "aws_iam_role_policy.task")).toMatchObject({ name: "task", role: ref("aws_iam_role.task", "id") });
    expect(JSON.parse(resourceAt(synth, "aws_iam_role_policy.execution").policy)).toEqual(READ);
  });

  it("leaves a task role without statements empty, with no policy at all", () => {
    const synth = synthesizeScope(
      (scope) => new TaskRoles(scope, "roles", { namePrefix: "web-eu-west-1", taskRole: true, taskPolicy: policyDocument([]) }),
    );
    expect(addresses(synth)).toEqual(["aws_iam_role.task"]);
  });
});
