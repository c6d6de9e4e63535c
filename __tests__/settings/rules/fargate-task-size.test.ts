import { fargateTaskSizeRule } from "../../../src/settings/rules/fargate-task-size";
import { describeRule } from "./check-rule";

describeRule(fargateTaskSizeRule, {
  passing: [
    { cpu: 256, memory: 512 },
    { cpu: 256, memory: 2048 },
    { cpu: 512, memory: 4096 },
    { cpu: 1024, memory: 8192 },
    { cpu: 2048, memory: 16384 },
    { cpu: 4096, memory: 30720 },
    { cpu: 8192, memory: 16384 },
    { cpu: 8192, memory: 61440 },
    { cpu: 16384, memory: 40960 },
    { cpu: 16384, memory: 122880 },
  ],
  failing: [
    [{ cpu: 256, memory: 4096 }, "app/web.memory: must be 512, 1024, 2048 MiB with cpu 256 (Fargate's valid pairs); received 4096"],
    [{ cpu: 256, memory: 1536 }, "app/web.memory: must be 512, 1024, 2048 MiB"],
    [{ cpu: 512, memory: 512 }, "app/web.memory: must be 1024, 2048, 3072, 4096 MiB with cpu 512"],
    [{ cpu: 1024, memory: 9216 }, "app/web.memory: must be 2048 to 8192 in steps of 1024 MiB with cpu 1024"],
    [{ cpu: 2048, memory: 3072 }, "with cpu 2048"],
    [
      { cpu: 4096, memory: 4096 },
      "app/web.memory: must be 8192 to 30720 in steps of 1024 MiB with cpu 4096 (Fargate's valid pairs); received 4096",
    ],
    [{ cpu: 8192, memory: 17408 }, "must be 16384 to 61440 in steps of 4096 MiB with cpu 8192"],
    [{ cpu: 16384, memory: 36864 }, "must be 32768 to 122880 in steps of 8192 MiB with cpu 16384"],
  ],
});
