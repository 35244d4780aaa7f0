// `npm run demo` and the Get Started walkthrough show the bundled sample: it must keep showing
// every rule and a who-said-it suggestion.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/check/analysis';
import { repoRoot } from '../helpers/repo';
import { verbatim } from '../helpers/cli';

const SAMPLE = path.join(repoRoot, 'samples', 'council-meeting.transcript');

describe('the bundled sample and npm run demo', () => {
  it('prints a finding of each rule and the who-said-it suggestion, and exits 0', () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'demo.js')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    for (const { code } of RULES) {
      assert.match(run.stdout, new RegExp(`:\\d+:\\d+: \\w+ ${code}: `), `a ${code} finding in the demo output`);
    }
    assert.match(run.stdout, /unlabeled-turn: .*probably ANA RUIZ/);
    assert.match(run.stdout, /Who said it: the unlabelled turn on line 22 is probably ANA RUIZ/);
  });

  it('prints what the README shows', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const shown = /```console\n(\$ verbatim check samples\/council-meeting\.transcript\n[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(shown, 'the demo output in the README');
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'demo.js')], { encoding: 'utf8' });
    assert.equal(shown, run.stdout);
  });

  it("matches the walkthrough's table of the sample's findings, line by line", () => {
    const table = readFileSync(path.join(repoRoot, 'media', 'walkthrough', 'open-sample.md'), 'utf8');
    const listed = [...table.matchAll(/^\| (\d+) \| `([a-z-]+)` \|/gm)].map(([, line, code]) => `${line} ${code}`);
    const report = JSON.parse(verbatim(['check', '--format', 'json', SAMPLE]).stdout);
    const found = report.files[0].diagnostics.map((d: { code: string; range: { start: { line: number } } }) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(listed.sort(), found.sort());
  });

  it('is written as captioning software writes: no-break spaces after sentences and labels, a paragraph per line', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    assert.ok((text.match(/\u00a0/g) ?? []).length >= 30, 'no-break spaces, as in the seed transcript');
    assert.match(text, /^>> [A-Z ]+:\u00a0 /m);
    // What the real-VS-Code suite needs to show that word wrap is on: lines far wider than an editor.
    assert.ok(text.split('\n').filter((line) => line.length > 250).length >= 3, 'long paragraph lines');
  });
});
