import { containerDefinitions, volumeName } from "../../src/aws/container-definitions";

const TUTORIAL = { name: "nginx", image: "nginx:1.14", ports: [80, 80], environment: {} };

describe("containerDefinitions", () => {
  it("is the tutorial's container, byte for byte, with the tutorial's values", () => {
    expect(containerDefinitions(TUTORIAL)).toBe(
      '[{"name":"nginx","image":"nginx:1.14","portMappings":[{"containerPort":80,"hostPort":80}]}]',
    );
  });

  it("writes everything a production container sets, variables and secrets sorted by name", () => {
    const [container] = JSON.parse(
      containerDefinitions({
        ...TUTORIAL,
        ports: [8080, 8081],
        environment: { B: "2", A: "1" },
        secrets: {
          TOKEN: "arn:aws:ssm:eu-west-1:123456789012:parameter/token",
          KEY: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-AbCdEf",
        },
        logs: { group: "/ecs/web", region: "eu-west-1", streamPrefix: "nginx" },
        readonlyRootFilesystem: true,
        mounts: [{ volume: "var-run", path: "/var/run" }],
        healthCheck: { command: ["CMD-SHELL", "exit 0"], interval: 30, timeout: 5, retries: 3, startPeriod: 0 },
        stopTimeout: 20,
        initProcess: true,
      }),
    );
    expect(container).toEqual({
      name: "nginx",
      image: "nginx:1.14",
      portMappings: [
        { containerPort: 8080, hostPort: 8080 },
        { containerPort: 8081, hostPort: 8081 },
      ],
      environment: [
        { name: "A", value: "1" },
        { name: "B", value: "2" },
      ],
      secrets: [
        { name: "KEY", valueFrom: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:key-AbCdEf" },
        { name: "TOKEN", valueFrom: "arn:aws:ssm:eu-west-1:123456789012:parameter/token" },
      ],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "nginx" },
      },
      readonlyRootFilesystem: true,
      mountPoints: [{ sourceVolume: "var-run", containerPath: "/var/run", readOnly: false }],
      healthCheck: { command: ["CMD-SHELL", "exit 0"], interval: 30, timeout: 5, retries: 3, startPeriod: 0 },
      stopTimeout: 20,
      linuxParameters: { initProcessEnabled: true },
    });
  });

  it("names the traffic port's mapping, speaking HTTP, for Service Connect to publish; the health check port stays unnamed", () => {
    const [container] = JSON.parse(containerDefinitions({ ...TUTORIAL, ports: [8080, 8081], trafficPortName: "api" }));
    expect(container.portMappings).toEqual([
      { containerPort: 8080, hostPort: 8080, name: "api", appProtocol: "http" },
      { containerPort: 8081, hostPort: 8081 },
    ]);
  });
});

describe("volumeName", () => {
  it.each([
    ["/var/cache/nginx", "var-cache-nginx"],
    ["/tmp/", "tmp"],
    ["/data/my app", "data-my-app"],
  ])("%s → %s", (path, name) => {
    expect(volumeName(path)).toBe(name);
  });
});
