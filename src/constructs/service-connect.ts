import { ServiceDiscoveryHttpNamespace } from "@cdktf/provider-aws/lib/service-discovery-http-namespace";
import { Construct } from "constructs";
import { pinAddress } from "./address";
import type { FargateService } from "./fargate-service";

/** Properties of {@link ServiceConnect}. */
export interface ServiceConnectProps {
  /** Name of the Cloud Map namespace: the platform's. */
  readonly name: string;
  /**
   * Prefix of the Terraform address.
   * @default - none
   */
  readonly addressPrefix?: string;
}

/**
 * ECS Service Connect among a platform's services: a Cloud Map HTTP namespace the services run in,
 * where internal services publish a short name and every service calls them by it. An internal
 * service's tasks admit the tasks of the platform's other services, and no one else.
 */
export class ServiceConnect extends Construct {
  public readonly namespace: ServiceDiscoveryHttpNamespace;
  private readonly members: FargateService[] = [];

  constructor(scope: Construct, id: string, props: ServiceConnectProps) {
    super(scope, id);
    this.namespace = new ServiceDiscoveryHttpNamespace(this, "namespace", { name: props.name });
    pinAddress(this.namespace, "service_connect_namespace", props.addressPrefix);
  }

  /**
   * Puts a service in the namespace: the services that publish admit it, and, when it publishes
   * itself, it admits those already there. One rule per caller, so that a service added or removed
   * adds or removes its own rules only. Callers start after the services they call (two services
   * that publish: the later after the earlier, never both ways), and every member deploys again
   * when the names it can call change.
   */
  join(service: FargateService): void {
    service.connectTo(this.namespace.arn);
    const published = [...this.members, service].flatMap((member) =>
      member.publish ? [`${member.publish.name}:${member.publish.port}`] : [],
    );
    for (const member of this.members) {
      if (member.publish) {
        member.admit(service);
        service.callsAfter(member, published);
      }
      if (service.publish) {
        service.admit(member);
        if (member.publish) member.callsNames(published);
        else member.callsAfter(service, published);
      }
    }
    if (published.length) service.callsNames(published);
    this.members.push(service);
  }
}
