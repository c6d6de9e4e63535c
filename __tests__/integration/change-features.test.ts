import { ChangeResourceRecordSetsCommand, ListHostedZonesByNameCommand } from "@aws-sdk/client-route-53";
import type { PlanImpact } from "../../src/impact/explain-plan";
import type { EnvironmentSettings } from "../../src/settings/settings";
import { createHostedZone, inventory } from "../../tools/harness/aws-inventory";
import { synthesizeToTemp } from "../../tools/harness/terraform-workspace";
import { appliedTutorial, changeLiveStack, describedService, type Environment, impactOf, NOTHING_LEFT } from "./environment";

/**
 * GIVEN the tutorial applied, WHEN the recommended defaults and every feature beyond the tutorial
 * are turned on, Spot is turned off again and then the capacity providers, and finally everything
 * is turned off, THEN each apply succeeds, re-plans empty, and the impact explainer says first what
 * each change does. (Its own file beside change-paths: the two run side by side.)
 */
describe("turning the recommended features on and off on a live stack", () => {
  let e: Environment;
  let settings: EnvironmentSettings = {};
  beforeAll(async () => {
    e = await appliedTutorial();
  });
  afterAll(async () => e?.dispose());

  async function change(next: EnvironmentSettings): Promise<PlanImpact> {
    settings = next;
    return changeLiveStack(e, "handson", next);
  }
  const service = (cluster: string, name: string) => describedService(e, cluster, name);

  it("the recommended defaults with HTTPS, autoscaling, Spot, ECS Exec and the WAF turned on, Spot off in place, then all off", async () => {
    await createHostedZone(e.aws.route53, "example.com");
    // The zone already holds the domain's validation record, as a certificate of this account for
    // the same name leaves it (ACM gives one name and value per name and account; the emulator's are fixed).
    const { HostedZones } = await e.aws.route53.send(new ListHostedZonesByNameCommand({ DNSName: "example.com" }));
    await e.aws.route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: HostedZones![0].Id,
        ChangeBatch: {
          Changes: [
            {
              Action: "CREATE",
              ResourceRecordSet: {
                Name: "_d930b28be6c5927595552b219965053e.example.com.",
                Type: "CNAME",
                TTL: 60,
                ResourceRecords: [{ Value: "_c9edd76ee4a0e2a74388032f3861cc50.ykybfrwcxw.acm-validations.aws." }],
              },
            },
          ],
        },
      }),
    );
    // A wildcard alias is validated with the apex's record: the stack writes that record once.
    await change({
      defaults: "recommended",
      https: { domain: "example.com", aliases: ["*.example.com"] },
      autoscaling: { minCount: 2, maxCount: 4, cpuTargetPercent: 60 },
      capacity: { spotPercent: 50 },
      enableExecuteCommand: true,
      loadBalancer: { waf: true },
      flowLogs: true,
      // The recommended defaults enforce the policy checks; ECS Exec needs a writable root.
      suppressions: [{ rule: "ECS-READONLY-ROOT", reason: "ECS Exec's agent writes to the root filesystem" }],
    });
    expect((await inventory(e.aws)).certificates).toEqual(["example.com"]);
    expect((await service("handson", "handson")).capacityProviderStrategy).toHaveLength(2);
    expect((await inventory(e.aws)).flowLogs).toHaveLength(1);

    // Spot off under the recommended defaults: the strategy changes in place, a rollout, autoscaling untouched.
    const recommended = settings;
    const spotOff = await change({ ...recommended, capacity: { spotPercent: 0 } });
    expect(impactOf(spotOff, "aws_ecs_service.main")).toMatchObject({ kind: "update", severity: "restarts" });
    expect(impactOf(spotOff, "aws_appautoscaling_target.main")).toBeUndefined();
    expect((await service("handson", "handson")).capacityProviderStrategy!.map((provider) => provider.capacityProvider)).toEqual([
      "FARGATE",
    ]);

    // Off the capacity providers altogether: the provider replaces the service, which npm run impact
    // calls an interruption, and its scaling target and policy with it, which AWS deletes with the
    // service (the emulator does too): the re-plan is empty and the service still scales.
    const launchType = await change({ ...recommended, capacity: { spotPercent: 0, useCapacityProviders: false } });
    expect(impactOf(launchType, "aws_ecs_service.main")).toMatchObject({ kind: "replace-destroy-first", severity: "interrupts" });
    expect(impactOf(launchType, "aws_appautoscaling_target.main")).toMatchObject({ kind: "replace-destroy-first" });
    expect(impactOf(launchType, "aws_appautoscaling_policy.cpu")).toMatchObject({ kind: "replace-destroy-first" });
    expect((await inventory(e.aws)).scalableTargets).toEqual(["service/handson/handson"]);
    expect((await service("handson", "handson")).launchType).toBe("FARGATE");

    // Back to the tutorial's values, written for change (the way back of the README): every
    // feature off, deletion protection with them, and rule descriptions removed; on a service already
    // on the launch type, the features the provider would leave on (tags copied to tasks) are written off.
    await change({ safeChanges: true });
    const found = await inventory(e.aws);
    expect(found).toMatchObject({
      certificates: [],
      webAcls: [],
      scalableTargets: [],
      logGroups: [],
      roles: [],
      logBuckets: [],
      flowLogs: [],
    });

    // Written for change, the alarms went off in place: ECS watches none of them any more.
    const afterAlarms = await service("handson", "handson");
    expect(afterAlarms.deploymentConfiguration?.alarms).toMatchObject({ enable: false, rollback: false });

    // The two ways back that cannot converge, as docs/en/changing.md says: once ECS Exec has been
    // configured, ECS keeps a cluster configuration the tutorial's file (which has none) cannot undo
    // (the provider sends UpdateCluster no configuration when the block is gone); and once the
    // service has had deployment alarms, the provider cannot remove its alarms block (it would send
    // ECS alarms without names, which the SDK refuses). The tutorial's file plans both and no apply
    // makes them: this stack stays on the tutorial's values with "safeChanges": true.
    synthesizeToTemp({ into: e.root });
    expect(await e.workspace.plan()).toEqual([
      { address: "aws_ecs_cluster.main", type: "aws_ecs_cluster", actions: ["update"], changedAttributes: ["configuration"] },
      expect.objectContaining({
        address: "aws_ecs_service.main",
        actions: ["update"],
        changedAttributes: expect.arrayContaining(["alarms"]),
      }),
    ]);
  });

  it("destroys everything", async () => {
    await e.workspace.destroy();
    expect(await inventory(e.aws)).toEqual(NOTHING_LEFT);
  });
});
