import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "cdktf";
import { WebServiceStack } from "../../../src/constructs/web-service-stack";
import { fileSource } from "../../../src/settings/problems";
import { validateEnvironment } from "../../../src/settings/resolve-settings";
import { addresses, synthesize } from "../../helpers";

const exampleIn = (language: "en" | "ja") => {
  const page = readFileSync(join(__dirname, "../../../docs", language, "workloads.md"), "utf8");
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(page)![1]);
};

// The page's file is one a reader copies: it must be accepted as it stands, in both languages.
describe("docs/*/workloads.md's example file", () => {
  it("is the same file in English and Japanese", () => {
    expect(exampleIn("ja")).toEqual(exampleIn("en"));
  });

  it("is accepted and builds one service of each kind", () => {
    const settings = validateEnvironment(exampleIn("en"), fileSource("config/orders.json"));
    const synth = synthesize(new WebServiceStack(Testing.app(), "orders", settings));
    expect(addresses(synth)).toEqual(
      expect.arrayContaining([
        "aws_ecs_service.main",
        "aws_ecs_service.api_main",
        "aws_ecs_service.worker_main",
        "aws_service_discovery_http_namespace.service_connect_namespace",
        "aws_sqs_queue.worker_queue",
        "aws_scheduler_schedule.nightly_main",
      ]),
    );
    expect(addresses(synth)).not.toContain("aws_ecs_service.nightly_main");
  });
});
