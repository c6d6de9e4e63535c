import { secretSourcesRule } from "../../../src/settings/rules/secret-sources";
import { describeRule } from "./check-rule";

const PARAMETER = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/orders/db-password";
const SECRET = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:orders/api-key-AbCdEf";

describeRule(secretSourcesRule, {
  passing: [
    {},
    { secrets: { DB_PASSWORD: PARAMETER, API_KEY: SECRET } },
    { secrets: { DB_USER: `${SECRET}:username::` } },
    { secrets: { PREVIOUS: `${SECRET}::AWSPREVIOUS:` } },
    { secrets: { GOV: "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/x" } },
  ],
  failing: [
    [
      { secrets: { DB_PASSWORD: "db-password" } },
      "app/web.secrets.DB_PASSWORD: must be the ARN of an SSM parameter (arn:aws:ssm:<region>:<account>:parameter/<name>) or a Secrets Manager secret",
    ],
    [{ secrets: { DB_PASSWORD: "arn:aws:s3:::bucket/key" } }, "app/web.secrets.DB_PASSWORD: must be the ARN of an SSM parameter"],
    [{ secrets: { KEY: `${SECRET}:a:b:c:d` } }, "app/web.secrets.KEY: must be the ARN of an SSM parameter"],
    [{ secrets: { "DB-PASSWORD": PARAMETER } }, "app/web.secrets.DB-PASSWORD: must be named with letters, digits and underscores"],
    [
      { environment: { API_KEY: "x" }, secrets: { API_KEY: SECRET } },
      'app/web.secrets.API_KEY: must not also be set in environment: ECS refuses a task definition that names a variable twice; received "API_KEY"',
    ],
  ],
});
