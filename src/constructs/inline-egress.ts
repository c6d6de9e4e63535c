import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from "cdktf";
import { addressOf } from "./address";

/** The resource types that add one egress rule to a security group, and whether a resource of them is one. */
const EGRESS_RULES: Record<string, (rule: TerraformResource) => boolean> = {
  aws_security_group_rule: (rule) => Reflect.get(rule, "typeInput") === "egress",
  aws_vpc_security_group_egress_rule: () => true,
};

/**
 * Refuses, when the stack is synthesized, an egress rule added as a resource of its own to a
 * security group that declares its egress inline, as the tutorial's do: Terraform then owns the
 * group's whole egress, and revokes the separate rule on every apply (and adds it again on the next).
 */
export function refuseSeparateEgressRules(group: SecurityGroup): void {
  group.node.addValidation({
    validate: () =>
      TerraformStack.of(group)
        .node.findAll()
        .filter(
          (node): node is TerraformResource =>
            node instanceof TerraformResource &&
            EGRESS_RULES[node.terraformResourceType]?.(node) === true &&
            references(node, Reflect.get(node, "securityGroupIdInput"), `\${${addressOf(group)}.id}`),
        )
        .map(
          (rule) =>
            `${addressOf(rule)}: security_group_id: must not add egress to ${addressOf(group)}, which declares its egress inline ` +
            "(Terraform would revoke the rule on every apply); change the group's own egress instead (securityGroup.putEgress); " +
            `received ${addressOf(group)}`,
        ),
  });
}

/** Whether a resource's argument is exactly this reference (`${aws_security_group.ecs.id}`), resolved as it will be written. */
function references(resource: TerraformResource, argument: unknown, reference: string): boolean {
  return Tokenization.resolve(argument, { scope: resource, resolver: new DefaultTokenResolver(new StringConcat()) }) === reference;
}
