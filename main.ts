import "./src/app/disable-source-maps";
import { App } from "cdktf";
import { defineStacks } from "./src/app/define-stacks";
import { SettingsError } from "./src/settings/problems";

const app = new App();
try {
  defineStacks(app);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
