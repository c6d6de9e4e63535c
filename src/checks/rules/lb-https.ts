import { blocks } from "../../terraform/terraform-json";
import type { PolicyFinding, PolicyRule } from "../policy-rule";
import { internetFacingLoadBalancers, listenersOf } from "../stack-queries";

const redirectsToHttps = (action: Record<string, unknown>): boolean =>
  action.type === "redirect" && blocks(action.redirect).every((redirect) => redirect.protocol === "HTTPS");

export const lbHttpsRule: PolicyRule = {
  id: "LB-HTTPS",
  severity: "error",
  risk: "Requests and their cookies and tokens cross the internet in clear text when the load balancer serves plain HTTP.",
  fix: 'Set "https": { "domain": … } with "redirectHttp" (on under the recommended defaults): HTTPS is served and HTTP only redirects to it.',
  equivalents: { checkov: ["CKV_AWS_2", "CKV2_AWS_20"], trivy: ["AVD-AWS-0054 aws-elb-http-not-used"] },
  check(stack) {
    const findings: PolicyFinding[] = [];
    for (const lb of internetFacingLoadBalancers(stack)) {
      const listeners = listenersOf(stack, lb);
      if (!listeners.some((listener) => listener.config.protocol === "HTTPS")) {
        findings.push({ address: lb.address, problem: "has no HTTPS listener" });
      }
      for (const listener of listeners.filter((one) => (one.config.protocol ?? "HTTP") === "HTTP")) {
        const actions = blocks(listener.config.default_action);
        if (!actions.every(redirectsToHttps)) {
          findings.push({
            address: listener.address,
            problem: `serves plain HTTP: its default action is ${actions.map((action) => String(action.type)).join(", ")}, not a redirect to HTTPS`,
          });
        }
        for (const rule of stack.referringTo(listener.address, "aws_lb_listener_rule", "aws_alb_listener_rule")) {
          if (!blocks(rule.config.action).every(redirectsToHttps)) {
            findings.push({ address: rule.address, problem: `answers plain HTTP on ${listener.address} instead of redirecting to HTTPS` });
          }
        }
      }
    }
    return findings;
  },
};
