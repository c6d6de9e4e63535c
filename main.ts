import "./src/disable-source-maps";
import { App } from "cdktf";
import { defineStacks } from "./src/app";
import { SettingsError } from "./src/resolve-settings";

const app = new App();
try {
  defineStacks(app);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
app.synth();
