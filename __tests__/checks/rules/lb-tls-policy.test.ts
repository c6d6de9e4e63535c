import { lbTlsPolicyRule } from "../../../src/checks/rules/lb-tls-policy";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const withPolicy = (ssl_policy?: string) =>
  stackOf({ aws_lb: { main: {} }, aws_lb_listener: { https: { load_balancer_arn: "${aws_lb.main.arn}", protocol: "HTTPS", ssl_policy } } });

describePolicyRule(lbTlsPolicyRule, {
  passing: {
    "TLS 1.3 and 1.2": withPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06"),
    "post-quantum": withPolicy("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09"),
    "TLS 1.2 with forward secrecy": withPolicy("ELBSecurityPolicy-FS-1-2-Res-2020-10"),
    "TLS 1.2 only, forward secrecy, the 2019 one": withPolicy("ELBSecurityPolicy-FS-1-2-2019-08"),
    "TLS 1.3 only, FIPS and post-quantum": withPolicy("ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"),
    "RFC 9151": withPolicy("ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07"),
  },
  failing: {
    "AWS's default, not written": [
      withPolicy(),
      [{ address: "aws_lb_listener.https", problem: "uses the TLS policy ELBSecurityPolicy-2016-08 (AWS's default, not written)" }],
    ],
    "a TLS 1.3 policy that still lets TLS 1.0 in": [
      withPolicy("ELBSecurityPolicy-TLS13-1-0-2021-06"),
      [{ address: "aws_lb_listener.https", problem: "uses the TLS policy ELBSecurityPolicy-TLS13-1-0-2021-06" }],
    ],
    "TLS 1.1 with forward secrecy": [
      withPolicy("ELBSecurityPolicy-FS-1-1-2019-08"),
      [{ address: "aws_lb_listener.https", problem: "uses the TLS policy ELBSecurityPolicy-FS-1-1-2019-08" }],
    ],
    "a name AWS does not publish for ALBs (TLS 1.0, of the classic load balancers)": [
      withPolicy("ELBSecurityPolicy-TLS-1-0-2015-04"),
      [
        {
          address: "aws_lb_listener.https",
          problem: "names ELBSecurityPolicy-TLS-1-0-2015-04, which is not a TLS policy AWS publishes for Application Load Balancers",
        },
      ],
    ],
  },
});
