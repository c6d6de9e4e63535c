import { lbHttpsRule } from "../../../src/checks/rules/lb-https";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const lb = { aws_lb: { main: { internal: false } } };
const redirect = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } };
const https = { load_balancer_arn: "${aws_lb.main.arn}", protocol: "HTTPS", port: 443, default_action: [{ type: "fixed-response" }] };

describePolicyRule(lbHttpsRule, {
  passing: {
    "HTTPS served, HTTP only redirecting": stackOf({
      ...lb,
      aws_lb_listener: { https, main: { load_balancer_arn: "${aws_lb.main.arn}", port: 80, protocol: "HTTP", default_action: [redirect] } },
      aws_lb_listener_rule: { main: { listener_arn: "${aws_lb_listener.https.arn}", action: [{ type: "forward" }] } },
    }),
    "an internal load balancer": stackOf({ aws_lb: { main: { internal: true } } }),
  },
  failing: {
    "the tutorial: HTTP forwarding, no HTTPS": [
      stackOf({
        ...lb,
        aws_lb_listener: {
          main: { load_balancer_arn: "${aws_lb.main.arn}", port: 80, protocol: "HTTP", default_action: [{ type: "fixed-response" }] },
        },
        aws_lb_listener_rule: { main: { listener_arn: "${aws_lb_listener.main.arn}", action: [{ type: "forward" }] } },
      }),
      [
        { address: "aws_lb.main", problem: "has no HTTPS listener" },
        { address: "aws_lb_listener.main", problem: "serves plain HTTP: its default action is fixed-response, not a redirect to HTTPS" },
        { address: "aws_lb_listener_rule.main", problem: "answers plain HTTP on aws_lb_listener.main instead of redirecting to HTTPS" },
      ],
    ],
    "HTTPS beside an HTTP listener that redirects to HTTP": [
      stackOf({
        ...lb,
        aws_lb_listener: {
          https,
          main: {
            load_balancer_arn: "${aws_lb.main.arn}",
            default_action: { type: "redirect", redirect: { protocol: "HTTP", port: "8080" } },
          },
        },
      }),
      [{ address: "aws_lb_listener.main", problem: "serves plain HTTP: its default action is redirect, not a redirect to HTTPS" }],
    ],
  },
});
