import type { ServicesRule } from "./rule";

/** Inbound rules a security group holds by default (the VPC quota "Inbound or outbound rules per security group"). */
const INBOUND_RULES_PER_GROUP = 60;

export const serviceConnectCallersRule: ServicesRule = {
  id: "service-connect-callers",
  summary: `an internal service has at most ${INBOUND_RULES_PER_GROUP} callers: its security group admits each of the platform's other services by a rule of its own, and a group holds ${INBOUND_RULES_PER_GROUP} inbound rules unless the quota is raised`,
  check(services) {
    // Every service with tasks of its own calls through Service Connect; a job's tasks are started by RunTask, which has none.
    const callers = services.filter(({ settings }) => settings.kind !== "job").length - 1;
    if (callers <= INBOUND_RULES_PER_GROUP) return [];
    return services.flatMap(({ settings }, index) =>
      settings.kind === "internal"
        ? [
            {
              service: index,
              path: "kind",
              rule: `must have at most ${INBOUND_RULES_PER_GROUP} callers, one inbound rule each in its security group (the VPC quota); ${callers} other services call it`,
              value: settings.kind,
            },
          ]
        : [],
    );
  },
};
