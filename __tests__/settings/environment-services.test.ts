import {
  environmentServices,
  joinedAddressPrefix,
  joinedServiceName,
  misplacedServiceSettings,
  platformSettingsOf,
  SERVICE_FIELDS,
} from "../../src/settings/environment-services";
import { fileSource, SettingsError } from "../../src/settings/problems";
import { validateEnvironment } from "../../src/settings/resolve-settings";
import type { EnvironmentSettings } from "../../src/settings/settings";

const THREE: EnvironmentSettings = {
  name: "shop",
  addressPrefix: "edge",
  natGateways: "single",
  services: {
    web: { image: "nginx:1.27", listenerRule: { pathPatterns: ["/*"], priority: 100 } },
    api: { containerPort: 8080, listenerRule: { pathPatterns: ["/api/*"], priority: 10 } },
    "admin-ui": { listenerRule: { hostHeaders: ["admin.example.com"], priority: 20 } },
  },
};

const problemsOf = (settings: EnvironmentSettings): readonly string[] => {
  try {
    validateEnvironment(settings, fileSource("config/shop.json"));
    return [];
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
};

describe("environmentServices", () => {
  it("is the file itself when it has no services", () => {
    expect(environmentServices({ name: "api", cpu: 512 }, "api")).toEqual([{ id: "api", props: { name: "api", cpu: 512 } }]);
  });

  it("gives the first service the environment's name and addresses, the others names and addresses of their own, each with the shared settings", () => {
    const [web, api, admin] = environmentServices(THREE, "shop");
    expect(web).toEqual({
      id: "web",
      field: "services.web",
      props: { name: "shop", addressPrefix: "edge", natGateways: "single", ...THREE.services!.web },
    });
    expect(api.props).toMatchObject({ name: "shop-api", addressPrefix: "edge_api", natGateways: "single", containerPort: 8080 });
    expect(admin.props).toMatchObject({ name: "shop-admin-ui", addressPrefix: "edge_admin_ui" });
  });

  it("splits shared settings from a service's own", () => {
    expect(platformSettingsOf({ name: "a", cpu: 512, https: { domain: "example.com" }, image: "x" })).toEqual({
      name: "a",
      https: { domain: "example.com" },
    });
    expect(SERVICE_FIELDS.has("listenerRule")).toBe(true);
    expect(SERVICE_FIELDS.has("vpcCidr")).toBe(false);
    expect(joinedServiceName("shop", "api")).toBe("shop-api");
    expect(joinedAddressPrefix(undefined, "admin-ui")).toBe("admin_ui");
  });

  it("refuses a service's settings at the top of a file with services, and a chapter other than ecs", () => {
    expect(misplacedServiceSettings({ ...THREE, image: "nginx:1.27", lastChapter: "alb" })).toEqual([
      {
        path: "image",
        rule: "must be set in each service of services, not at the top: the top holds what the services share",
        value: "nginx:1.27",
      },
      { path: "lastChapter", rule: 'must be "ecs" or left out when the file has services', value: "alb" },
    ]);
    expect(misplacedServiceSettings(THREE)).toEqual([]);
  });
});

describe("validateEnvironment with services", () => {
  it("accepts three services sharing one platform", () => {
    expect(problemsOf(THREE)).toEqual([]);
  });

  it("lists every problem at once, each naming its service, and a shared setting's problem once", () => {
    expect(
      problemsOf({
        ...THREE,
        vpcCidr: "10.0.0.0/8",
        cpu: 512,
        services: {
          web: { listenerRule: { pathPatterns: ["/*"], priority: 100 } },
          api: { cpu: 300 as never, listenerRule: { pathPatterns: ["/*"], priority: 100 } },
          Admin: { listenerRule: { pathPatterns: ["/admin/*"], priority: 5 } },
        },
      }),
    ).toEqual([
      "config/shop.json: services.api.cpu: must be one of 256, 512, 1024, 2048, 4096, 8192, 16384; received 300",
      'config/shop.json: services.Admin: must be 1-20 lowercase letters, digits and hyphens, starting with a letter; received "Admin"',
      "config/shop.json: cpu: must be set in each service of services, not at the top: the top holds what the services share; received 512",
      expect.stringMatching(/^config\/shop\.json: vpcCidr: .*received "10\.0\.0\.0\/8"$/),
      "config/shop.json: services.api.listenerRule.priority: must differ from services.web's: AWS refuses two rules of one priority on a listener; received 100",
      'config/shop.json: services.api.listenerRule: must not claim what services.web claims (paths ["/*"] on any host): one of the two would get every such request; received {"pathPatterns":["/*"],"hostHeaders":[]}',
    ]);
  });

  it("names the service whose id makes a name AWS refuses", () => {
    expect(problemsOf({ ...THREE, name: "a-platform-named-at-length", addressPrefix: undefined })).toEqual([
      'config/shop.json: services.admin-ui: must give a target group name AWS accepts: 1-32 letters, digits and hyphens, not starting or ending with a hyphen; received "a-platform-named-at-length-admin-ui"',
    ]);
  });

  it("turns ECS Exec on per service: one service with Exec beside a read-only one is accepted, Exec on the read-only one is refused under its id", () => {
    const web = { ...THREE.services!.web, readonlyRootFilesystem: true, writablePaths: ["/var/run"] };
    const api = { ...THREE.services!.api, enableExecuteCommand: true };
    expect(problemsOf({ ...THREE, services: { ...THREE.services, web, api } })).toEqual([]);
    expect(problemsOf({ ...THREE, services: { ...THREE.services, web: { ...web, enableExecuteCommand: true } } })).toEqual([
      expect.stringMatching(/^config\/shop\.json: services\.web\.enableExecuteCommand: must be false while readonlyRootFilesystem is true/),
    ]);
    expect(problemsOf({ ...THREE, enableExecuteCommand: true })).toEqual([
      "config/shop.json: enableExecuteCommand: must be set in each service of services, not at the top: the top holds what the services share; received true",
    ]);
  });

  it("names the service whose own setting breaks a rule", () => {
    expect(problemsOf({ ...THREE, services: { ...THREE.services, api: { ...THREE.services!.api, memory: 100_000 } } })).toEqual([
      expect.stringMatching(/^config\/shop\.json: services\.api\.memory: /),
    ]);
  });
});

describe("validateEnvironment with an existing VPC outside Tokyo", () => {
  const existing = {
    vpc: {
      vpcId: "vpc-0123456789abcdef0",
      publicSubnetIds: ["subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
      privateSubnetIds: ["subnet-0123456789abcdef3"],
    },
  };

  it("accepts it without azs, which an existing VPC does not use", () => {
    expect(problemsOf({ region: "us-east-1", existing })).toEqual([]);
  });

  it("refuses a VPC or subnet ID AWS never gives: 8 or 17 hex digits", () => {
    const broken = { vpc: { ...existing.vpc, vpcId: "vpc-12", privateSubnetIds: ["subnet-123"] } };
    expect(problemsOf({ region: "us-east-1", existing: broken })).toEqual([
      'config/shop.json: existing.vpc.vpcId: must be a VPC ID: vpc- and 17 hex digits (8 for VPCs made before 2018), such as vpc-0123456789abcdef0; received "vpc-12"',
      'config/shop.json: existing.vpc.privateSubnetIds[0]: must be a subnet ID: subnet- and 17 hex digits (8 for subnets made before 2018), such as subnet-0123456789abcdef0; received "subnet-123"',
    ]);
  });
});
