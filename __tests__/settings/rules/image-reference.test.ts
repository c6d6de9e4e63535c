import { imageReferenceRule } from "../../../src/settings/rules/image-reference";
import { describeRule } from "./check-rule";

describeRule(imageReferenceRule, {
  passing: [
    { image: "nginx" },
    { image: "public.ecr.aws/nginx/nginx:1.27" },
    { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1.2.3" },
    { image: `localhost:5000/app@sha256:${"a".repeat(64)}` },
    { image: `registry.example.com/${"a".repeat(200)}:1.0` },
  ],
  failing: [
    [
      { image: "Nginx:1.14" },
      'app/web.image: must be a container image reference such as nginx:1.14 or registry.example.com/team/app:1.0; received "Nginx:1.14"',
    ],
    [{ image: "nginx:" }, "app/web.image: must be a container image reference"],
    [{ image: "nginx 1.14" }, "app/web.image: must be a container image reference"],
    [{ image: "app@sha256:123" }, "app/web.image: must be a container image reference"],
    [{ image: `registry.example.com/${"a".repeat(240)}:1.0` }, "app/web.image: must be at most 255 characters (ECS's limit)"],
  ],
});
