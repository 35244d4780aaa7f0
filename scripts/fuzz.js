#!/usr/bin/env node
// The long fuzz run: `npm run fuzz -- [RUNS] [SEED]` runs every property of test/core/fuzz.test.ts
// RUNS times (default 20000) after building; CI runs the same properties 150 times each.
// A failure prints fast-check's seed and counterexample; pass the seed to reproduce it.
const { execFileSync } = require('child_process');
const path = require('path');

const [runsArgument, seedArgument] = process.argv.slice(2);
const runs = Number(runsArgument ?? 20000);
if (!Number.isInteger(runs) || runs <= 0) {
  console.error(`usage: npm run fuzz -- [RUNS] [SEED]   (RUNS must be a positive whole number, got "${runsArgument}")`);
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const env = { ...process.env, VERBATIM_FUZZ_RUNS: String(runs) };
if (seedArgument !== undefined) env.VERBATIM_FUZZ_SEED = seedArgument;
const run = (command, args) => execFileSync(command, args, { cwd: root, env, stdio: 'inherit' });
try {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.']);
  run(process.execPath, [require.resolve('mocha/bin/mocha.js'), '--no-config', '--timeout', '0', 'out/test/core/fuzz.test.js']);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
