import type { ServicesRule } from "./rule";

export const firstServiceWebRule: ServicesRule = {
  id: "first-service-web",
  summary:
    "the platform's first service is of `kind` `\"web\"`: it has the platform's name and addresses, and the tutorial's listeners forward to it",
  check(services) {
    const first = services[0]?.settings;
    if (!first || first.kind === "web") return [];
    return [
      {
        service: 0,
        path: "kind",
        rule: "must be \"web\" for the platform's first service, which the load balancer's listeners forward to: list a web service first",
        value: first.kind,
      },
    ];
  },
};
