import { App } from "cdktf";
import { WebServiceStack } from "./web-service-stack";

/** Adds this project's stacks to an app: what `main.ts` synthesizes, and what the tools deploy. */
export function defineStacks(app: App): WebServiceStack[] {
  return [new WebServiceStack(app, "handson")];
}
