import { DescribeLoadBalancersCommand } from "@aws-sdk/client-elastic-load-balancing-v2";
import { type Inventory, inventory } from "../../tools/harness/aws-inventory";
import type { RunResult } from "../../tools/harness/run-command";
import { APPLY, applyAndActMidway, type Environment, startEnvironment } from "./environment";

/** Exactly one of everything the handson stack owns, as the AWS API reports it. */
function expectOneOfEach(found: Inventory): void {
  expect(found.vpcs).toHaveLength(1);
  expect(found.natGateways).toHaveLength(3);
  expect(found.loadBalancers).toEqual(["handson"]);
  expect(found.targetGroups).toEqual(["handson"]);
  expect(found.clusters).toEqual(["handson"]);
  expect(found.services).toEqual(["handson/handson"]);
}

/** Runs a test on its own moto server and initialized workspace, so the tests can run side by side. */
function withEnvironment(test: (e: Environment) => Promise<void>): () => Promise<void> {
  return async () => {
    const e = await startEnvironment();
    try {
      await e.workspace.init();
      await test(e);
    } finally {
      await e.dispose();
    }
  };
}

describe.concurrent("faults during apply", () => {
  it(
    "an interrupted apply (SIGINT, then SIGTERM after a grace period) converges on the next apply, without duplicates",
    withEnvironment(async (e) => {
      // GIVEN an apply interrupted the way a cancelled CI job does it: SIGINT, SIGTERM 7.5 s later
      const interrupted = await applyAndActMidway(e.workspace, (child) => {
        child.kill("SIGINT");
        setTimeout(() => child.exitCode === null && child.kill("SIGTERM"), 7_500);
      });
      expect(interrupted.code).not.toBe(0);
      expect(interrupted.stdout).toContain("Interrupt received");
      const recorded = await e.workspace.stateList();
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.length).toBeLessThan(39);
      const { lineage } = await e.workspace.state();

      // WHEN it is applied again
      await e.workspace.apply();

      // THEN the same 39 resources exist once each, and the state is the same state, complete
      expect(await e.workspace.stateList()).toHaveLength(39);
      expectOneOfEach(await inventory(e.aws));
      expect((await e.workspace.state()).lineage).toBe(lineage);
      expect(await e.workspace.plan()).toEqual([]);
    }),
  );

  it(
    "a second apply while the first holds the state lock fails with a lock error and changes nothing",
    withEnvironment(async (e) => {
      // GIVEN an apply in progress, WHEN another apply of the same state starts
      let second: Promise<RunResult> | undefined;
      const first = applyAndActMidway(e.workspace, () => {
        second = e.workspace.run([...APPLY, "-lock-timeout=0s"]);
      });
      const firstResult = await first;

      // THEN the second one failed on the lock, and the first one finished alone
      const secondResult = await second!;
      expect(secondResult.code).toBe(1);
      expect(secondResult.stderr).toContain("Error acquiring the state lock");
      expect(secondResult.stdout).not.toContain("Creating...");
      expect(firstResult.code).toBe(0);
      expect(await e.workspace.stateList()).toHaveLength(39);
      expectOneOfEach(await inventory(e.aws));
    }),
  );

  it(
    "a hard kill (SIGKILL) leaves the in-flight load balancer created but unrecorded; import recovers it",
    withEnvironment(async (e) => {
      // GIVEN an apply killed outright while the load balancer is being created, once everything
      // quicker has finished (whatever else is in flight at a kill is orphaned the same way)
      const killed = await applyAndActMidway(e.workspace, (child) => child.kill("SIGKILL"), "aws_lb.main: Still creating... [20s elapsed]");
      expect(killed.signal).toBe("SIGKILL");

      // THEN the state lacks the load balancer, but the API has it: an orphan
      expect(await e.workspace.stateList()).not.toContain("aws_lb.main");
      const { LoadBalancers } = await e.aws.elbv2.send(new DescribeLoadBalancersCommand({ Names: ["handson"] }));
      expect(LoadBalancers).toHaveLength(1);

      // AND applying again refuses to create a second one, rather than duplicating it
      const retried = await e.workspace.run(APPLY);
      expect(retried.code).toBe(1);
      expect(retried.stderr).toContain("ELBv2 Load Balancer (handson) already exists");

      // WHEN the orphan is imported, as the README tells users to do
      await e.workspace.must(["import", "-input=false", "-no-color", "aws_lb.main", LoadBalancers![0].LoadBalancerArn!]);
      await e.workspace.apply();

      // THEN everything converges, once each
      expect(await e.workspace.stateList()).toHaveLength(39);
      expectOneOfEach(await inventory(e.aws));
    }),
  );
});
