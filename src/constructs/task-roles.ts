import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { ECS_TASKS_TRUST_POLICY, type PolicyDocument } from "../aws/iam-policies";
import { addressPinner } from "./address";

/** Properties of {@link TaskRoles}. */
export interface TaskRolesProps {
  /** Prefix of the role names: `<prefix>-execution` and `<prefix>-task`. IAM names are unique in the whole account: give the region in it. */
  readonly namePrefix: string;
  /**
   * Policy of the task execution role, which ECS uses to pull the image, write logs and read secrets.
   * @default - no execution role
   */
  readonly executionPolicy?: PolicyDocument;
  /**
   * Create the task role, the application's own identity.
   * @default false
   */
  readonly taskRole?: boolean;
  /**
   * Policy of the task role.
   * @default - none: the role can do nothing
   */
  readonly taskPolicy?: PolicyDocument;
  /**
   * Prefix of the Terraform addresses.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * The two IAM roles of a Fargate task: the execution role ECS uses before the container starts,
 * and the task role the application runs as. Each policy is inline, so that its name is the
 * role's business only, and written by this project to the exact resources the service names.
 */
export class TaskRoles extends Construct {
  public readonly executionRole?: IamRole;
  public readonly taskRole?: IamRole;

  constructor(scope: Construct, id: string, props: TaskRolesProps) {
    super(scope, id);
    const pin = addressPinner(props.addressPrefix);
    const role = (name: "execution" | "task", policy: PolicyDocument | undefined) => {
      const created = new IamRole(this, name, {
        name: `${props.namePrefix}-${name}`,
        assumeRolePolicy: JSON.stringify(ECS_TASKS_TRUST_POLICY),
      });
      pin(created, name);
      if (policy?.Statement.length) {
        const inline = new IamRolePolicy(this, `${name}-policy`, { name, role: created.id, policy: JSON.stringify(policy) });
        pin(inline, name);
      }
      return created;
    };
    if (props.executionPolicy) this.executionRole = role("execution", props.executionPolicy);
    if (props.taskRole) this.taskRole = role("task", props.taskPolicy);
  }
}
