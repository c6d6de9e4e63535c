import { App } from "cdktf";
import { WebServiceStack } from "./src/web-service-stack";

const app = new App();
new WebServiceStack(app, "handson");
app.synth();
