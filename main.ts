import "./src/app/disable-source-maps";
import { synthesizeEnvironments } from "./src/app/synthesize";

process.exitCode = synthesizeEnvironments();
