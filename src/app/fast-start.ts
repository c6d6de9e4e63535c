// Imported first by the app, before cdktf loads: two things cdktf and tsx do on every synth that
// cost time and give this app nothing.
//
// tsx turns Node's source maps on; then Node decodes the inline source map of every module it loads
// (cdktf, each provider module) and maps every stack trace: about a third of a synth. Problems are
// reported by message, so Node's default (off) costs nothing.
process.setSourceMapsEnabled(false);

// cdktf records where each token was created: a stack trace of unlimited depth, formatted into
// strings at once, for hundreds of tokens per stack (about 40 % of building the handson stack).
// It only ever shows them in the message of a token that cannot be resolved. Traces of real errors
// keep V8's own format; the ones cdktf records on plain objects are left empty.
Error.prepareStackTrace = (error: unknown, frames: NodeJS.CallSite[]) =>
  error instanceof Error ? `${error}${frames.map((frame) => `\n    at ${frame}`).join("")}` : "";

export {};
