// `npm run demo`: runs the checker on the bundled sample (an invented council meeting) as a user
// would, then says which of the rules it found and whom who-said-it suggests. Exits 1 if the
// sample no longer shows every rule and a suggestion (it is the walkthrough's and the README's demo).
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const sample = path.join('samples', 'council-meeting.transcript');
function verbatim(...args) {
  const run = spawnSync(process.execPath, [cli, ...args, sample], { cwd: root, encoding: 'utf8' });
  if (run.status === 2 || run.error) throw new Error(`verbatim ${args.join(' ')} failed: ${run.error ?? run.stderr}`);
  return run.stdout;
}

console.log(`$ verbatim check ${sample}`);
process.stdout.write(verbatim('check'));

// Every rule the checker has, as its SARIF log lists them (whatever the sample triggers).
const codes = JSON.parse(verbatim('check', '--format', 'sarif')).runs[0].tool.driver.rules.map((rule) => rule.id);
const found = new Map();
for (const { code } of JSON.parse(verbatim('check', '--format', 'json')).files[0].diagnostics) found.set(code, (found.get(code) ?? 0) + 1);
const suggestions = JSON.parse(verbatim('outline', '--format', 'json')).turns.filter((turn) => turn.suggestedLabel);

console.log(`\nRules found: ${codes.map((code) => `${code} ×${found.get(code) ?? 0}`).join(', ')}`);
for (const turn of suggestions) console.log(`Who said it: the unlabelled turn on line ${turn.range.start.line + 1} is probably ${turn.suggestedLabel}`);

const missing = codes.filter((code) => !found.has(code));
if (missing.length > 0 || suggestions.length === 0) {
  console.error(`The sample no longer demonstrates ${[...missing, ...(suggestions.length ? [] : ['a who-said-it suggestion'])].join(', ')}.`);
  process.exit(1);
}
console.log(`All ${codes.length} rules and a who-said-it suggestion. Open the sample in VS Code: "Verbatim: Open Sample Transcript" or the Get Started walkthrough.`);
