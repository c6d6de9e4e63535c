// Preloaded by tools/bench.ts into each measured process: reports its peak resident memory.
process.on("exit", () => process.stderr.write(`\nBENCH_MAX_RSS_KIB=${process.resourceUsage().maxRSS}\n`));
