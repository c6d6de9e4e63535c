import { lbAccessLogsRule } from "../../../src/checks/rules/lb-access-logs";
import { describePolicyRule, stackOf } from "./check-policy-rule";

describePolicyRule(lbAccessLogsRule, {
  passing: {
    "logging to a bucket": stackOf({ aws_lb: { main: { access_logs: { bucket: "${aws_s3_bucket.alb_logs.id}", enabled: true } } } }),
  },
  failing: {
    "no access logs": [stackOf({ aws_lb: { main: {} } }), [{ address: "aws_lb.main", problem: "writes no access logs" }]],
    "a bucket given, but not enabled (the provider's default is off)": [
      stackOf({ aws_lb: { main: { access_logs: { bucket: "logs" } } } }),
      [{ address: "aws_lb.main", problem: "writes no access logs" }],
    ],
    "access logs turned off": [
      stackOf({ aws_lb: { main: { access_logs: [{ bucket: "logs", enabled: false }] } } }),
      [{ address: "aws_lb.main", problem: "writes no access logs" }],
    ],
  },
});
