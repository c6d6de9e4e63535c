// Imported first by the app, before cdktf loads. tsx turns Node's source maps on; then Node decodes
// the inline source map of every module it loads (cdktf, each provider module) and maps the stack
// trace cdktf records for every token: about a third of a synth. Problems are reported by
// message, so Node's default (off) costs nothing.
process.setSourceMapsEnabled(false);

export {};
