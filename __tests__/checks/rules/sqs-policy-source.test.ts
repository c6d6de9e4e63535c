import { sqsPolicySourceRule } from "../../../src/checks/rules/sqs-policy-source";
import { describePolicyRule, stackOf } from "./check-policy-rule";

const queuePolicy = (statement: Record<string, unknown>) =>
  stackOf({
    aws_sqs_queue_policy: {
      queue: {
        queue_url: "${aws_sqs_queue.queue.id}",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", ...statement }] }),
      },
    },
  });
const topic = "arn:aws:sns:ap-northeast-1:123456789012:orders";

describePolicyRule(sqsPolicySourceRule, {
  passing: {
    "SNS, from the subscribed topics only": queuePolicy({
      Principal: { Service: "sns.amazonaws.com" },
      Resource: "${aws_sqs_queue.queue.arn}",
      Condition: { ArnEquals: { "aws:SourceArn": [topic] } },
    }),
    "a role of the account": queuePolicy({ Principal: { AWS: "arn:aws:iam::123456789012:role/producer" }, Resource: "*" }),
    "a policy document data source with its condition": stackOf({
      aws_sqs_queue_policy: { queue: { policy: "${data.aws_iam_policy_document.queue.json}" } },
    }),
  },
  failing: {
    "every principal": [
      queuePolicy({ Principal: "*", Resource: "${aws_sqs_queue.queue.arn}" }),
      [{ address: "aws_sqs_queue_policy.queue", problem: "allows every principal (*) without an aws:SourceArn condition" }],
    ],
    "SNS on behalf of any account": [
      queuePolicy({ Principal: { Service: ["sns.amazonaws.com"] }, Resource: "${aws_sqs_queue.queue.arn}" }),
      [{ address: "aws_sqs_queue_policy.queue", problem: "allows sns.amazonaws.com on behalf of any account: no aws:SourceArn condition" }],
    ],
    "every principal, in a policy document data source": [
      {
        resource: { aws_sqs_queue_policy: { queue: { policy: "${data.aws_iam_policy_document.queue.json}" } } },
        data: {
          aws_iam_policy_document: {
            queue: { statement: [{ actions: ["sqs:SendMessage"], principals: [{ type: "AWS", identifiers: ["*"] }] }] },
          },
        },
      },
      [{ address: "aws_sqs_queue_policy.queue", problem: "allows every principal (*) without an aws:SourceArn condition" }],
    ],
  },
});
