import "./src/app/fast-start";
import { synthesizeEnvironments } from "./src/app/synthesize";

process.exitCode = synthesizeEnvironments();
