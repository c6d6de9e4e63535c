import { ecsDeploymentAlarmsRule } from "../../../src/checks/rules/ecs-deployment-alarms";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const behindLoadBalancer = {
  load_balancer: [{ target_group_arn: "${aws_lb_target_group.main.arn}", container_name: "web", container_port: 80 }],
};
const service = (config: Record<string, unknown>) => stackOf({ aws_ecs_service: { main: { ...behindLoadBalancer, ...config } } });
const finding = [{ address: "aws_ecs_service.main", problem: "deploys behind a load balancer without alarms that roll a deployment back" }];

describePolicyRule(ecsDeploymentAlarmsRule, {
  passing: {
    "alarms that roll back": service({ alarms: { alarm_names: ["web-target-5xx"], enable: true, rollback: true } }),
    "no load balancer: nothing users reach through it to measure": stackOf({ aws_ecs_service: { main: {} } }),
    "deployed by CodeDeploy": service({ deployment_controller: { type: "CODE_DEPLOY" } }),
  },
  failing: {
    "no alarms": [service({}), finding],
    "alarms that only notify": [service({ alarms: [{ alarm_names: ["web-target-5xx"], enable: true, rollback: false }] }), finding],
    "alarms turned off": [service({ alarms: { alarm_names: ["web-target-5xx"], enable: false, rollback: true } }), finding],
  },
});
