import { ecsImagePinnedRule } from "../../../src/checks/rules/ecs-image-pinned";
import { describePolicyRule } from "./check-policy-rule";
import { taskDefinitionWith } from "./containers";

const image = (reference: string) => taskDefinitionWith({ name: "web", image: reference });
const unpinned = (reference: string) => [
  { address: "aws_ecs_task_definition.main", problem: `container "web" runs ${reference}, which is not pinned to a version` },
];

describePolicyRule(ecsImagePinnedRule, {
  passing: {
    "a version tag": image("nginx:1.14"),
    "a registry with a port and a tag": image("registry.example.com:5000/team/app:2.3.1"),
    "a digest": image(`nginx@sha256:${"a".repeat(64)}`),
    "an expression known at apply": image("${aws_ecr_repository.app.repository_url}:1.0"),
  },
  failing: {
    "no tag": [image("nginx"), unpinned("nginx")],
    latest: [
      image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest"),
      unpinned("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest"),
    ],
    "a registry port, no tag": [image("registry.example.com:5000/app"), unpinned("registry.example.com:5000/app")],
  },
});
