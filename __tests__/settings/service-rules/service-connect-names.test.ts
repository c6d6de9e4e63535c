import { serviceConnectNamesRule } from "../../../src/settings/service-rules/service-connect-names";
import { describeServicesRule } from "./check-services";

describeServicesRule(serviceConnectNamesRule, {
  passing: [
    {
      web: {},
      orders: { kind: "internal", serviceConnect: { name: "orders" } },
      users: { kind: "internal", serviceConnect: { name: "users" } },
    },
    { web: {}, orders: { kind: "internal", serviceConnect: { name: "orders" } }, worker: { kind: "worker" } },
  ],
  failing: [
    [
      {
        web: {},
        orders: { kind: "internal", serviceConnect: { name: "api" } },
        users: { kind: "internal", serviceConnect: { name: "api" } },
      },
      "services.users.serviceConnect.name: must differ from services.orders's, which callers already reach as http://api",
    ],
  ],
});
