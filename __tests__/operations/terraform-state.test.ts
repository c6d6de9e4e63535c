import { taskDefinitionsInState } from "../../src/operations/terraform-state";

describe("taskDefinitionsInState", () => {
  it("maps each task definition's address to the ARN the state holds, in child modules too", () => {
    const shown = {
      values: {
        root_module: {
          resources: [
            { address: "aws_ecs_task_definition.main", type: "aws_ecs_task_definition", values: { arn: "arn:td/web:3" } },
            { address: "aws_ecs_service.main", type: "aws_ecs_service", values: { task_definition: "arn:td/web:3" } },
          ],
          child_modules: [
            {
              resources: [
                { address: "module.x.aws_ecs_task_definition.main", type: "aws_ecs_task_definition", values: { arn: "arn:td/x:1" } },
              ],
            },
          ],
        },
      },
    };
    expect([...taskDefinitionsInState(shown)]).toEqual([
      ["aws_ecs_task_definition.main", "arn:td/web:3"],
      ["module.x.aws_ecs_task_definition.main", "arn:td/x:1"],
    ]);
  });

  it("is empty for an empty state", () => {
    expect(taskDefinitionsInState({})).toEqual(new Map());
  });
});
