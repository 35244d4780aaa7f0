// Preloaded into the language server by scripts/event-loop.js (`node --require`): measures the
// server process's own event loop, from start to exit, and reports its longest block on stderr.
const { monitorEventLoopDelay } = require('perf_hooks');

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on('exit', () => process.stderr.write(`longest event-loop block: ${(delay.max / 1e6).toFixed(0)} ms\n`));
