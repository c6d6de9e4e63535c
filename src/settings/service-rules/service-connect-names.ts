import type { ServiceProblem, ServicesRule } from "./rule";

export const serviceConnectNamesRule: ServicesRule = {
  id: "service-connect-names",
  summary:
    "no two internal services publish the same `serviceConnect.name`: it is their discovery name in the platform's one namespace, where Cloud Map refuses a second service of the same name",
  check(services) {
    const firstByName = new Map<string, number>();
    const problems: ServiceProblem[] = [];
    services.forEach(({ settings }, index) => {
      const name = settings.serviceConnect?.name;
      if (name === undefined) return;
      const first = firstByName.get(name);
      if (first === undefined) firstByName.set(name, index);
      else
        problems.push({
          service: index,
          path: "serviceConnect.name",
          rule: `must differ from ${services[first].label}'s, which callers already reach as http://${name}: give one of them another name`,
          value: name,
        });
    });
    return problems;
  },
};
