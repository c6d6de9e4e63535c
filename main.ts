import { App } from "cdktf";
import { defineStacks } from "./src/app";

const app = new App();
defineStacks(app);
app.synth();
