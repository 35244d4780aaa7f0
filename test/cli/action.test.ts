// The check step of the GitHub Action (action.yml runs scripts/action/check.sh), run as the runner
// would: the findings become a SARIF log and an exit-code output, and the step itself fails only
// when nothing can be checked.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { RULES } from '../../server/src/core/check/rules/index';
import { CLI } from '../helpers/cli';
import { repoRoot } from '../helpers/repo';

const SCRIPT = path.join(repoRoot, 'scripts', 'action', 'check.sh');

describe('GitHub Action: the check step', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-action-'));
    mkdirSync(path.join(dir, 'minutes', '2026'), { recursive: true });
    copyFileSync(path.join(repoRoot, 'samples', 'council-meeting.transcript'), path.join(dir, 'minutes', '2026', 'march.transcript'));
    writeFileSync(path.join(dir, 'minutes', 'clean.cart'), '>> CHAIR:  Welcome, everyone.\n\n>> ANA RUIZ:  Thank you.\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a transcript\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function step(files: string) {
    const output = path.join(dir, `github-output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(output, '');
    const run = spawnSync('bash', [SCRIPT], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, VERBATIM_CLI: CLI, VERBATIM_FILES: files, VERBATIM_SARIF: 'verbatim.sarif', GITHUB_OUTPUT: output },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs: readFileSync(output, 'utf8') };
  }

  it('checks every transcript the default globs find, writes the SARIF log and reports exit-code 1 for findings', () => {
    const run = step('**/*.transcript **/*.cart');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /checking 2 transcript/);
    assert.match(run.stdout, /march\.transcript:44:1: error unclosed-annotation/);
    assert.match(run.outputs, /^exit-code=1$/m);
    assert.match(run.outputs, /^sarif-file=verbatim\.sarif$/m);
    const log = JSON.parse(readFileSync(path.join(dir, 'verbatim.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, RULES.length, 'the sample: one finding of each rule');
    assert.ok(
      log.runs[0].results.every((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
        /minutes\/2026\/march\.transcript$/.test(result.locations[0].physicalLocation.artifactLocation.uri),
      ),
    );
  });

  it('reports exit-code 0 for clean transcripts', () => {
    const run = step('minutes/*.cart');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.outputs, /^exit-code=0$/m);
  });

  it('fails the step when no transcript matches', () => {
    const run = step('**/*.srt');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no transcript matches/);
  });
});
