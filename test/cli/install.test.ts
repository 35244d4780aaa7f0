// The checker where people run checks: the packed tarball installs a working `verbatim` command.
// `npm pack` runs the prepack build (a production bundle); here it packs the bundles `npm test` just
// built (--ignore-scripts), so that the test does not replace them under the other suites.
import { strict as assert } from 'assert';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { RULES } from '../../server/src/core/check/rules/index';
import { repoRoot } from '../helpers/repo';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

describe('npm pack, then npm install -g of the tarball', function () {
  this.timeout(180_000);
  let dir: string;
  let verbatimBin: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-install-'));
    const env = { ...process.env, npm_config_cache: path.join(dir, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
    const packed = run(NPM, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: repoRoot, env });
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = readdirSync(dir).find((name) => /^verbatim-.*\.tgz$/.test(name));
    assert.ok(tarball, `no verbatim-*.tgz in ${dir}`);
    const prefix = path.join(dir, 'prefix');
    const installed = run(NPM, ['install', '-g', '--prefix', prefix, path.join(dir, tarball)], { cwd: dir, env });
    assert.equal(installed.status, 0, installed.stderr);
    verbatimBin = process.platform === 'win32' ? path.join(prefix, 'verbatim.cmd') : path.join(prefix, 'bin', 'verbatim');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a verbatim command that checks the sample: the findings, the summary and exit status 1', () => {
    const result = run(verbatimBin, ['check', path.join(repoRoot, 'samples', 'council-meeting.transcript')], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /council-meeting\.transcript:44:1: error unclosed-annotation: /);
    assert.match(result.stdout, new RegExp(`1 file checked, ${RULES.length} diagnostics`), 'the sample: one finding of each rule');
  });

  it('exits 0 on a clean transcript and 2 on a missing file', () => {
    writeFileSync(path.join(dir, 'clean.transcript'), '>> CHAIR:  Welcome, everyone.\n\n>> ANA RUIZ:  Thank you.\n');
    assert.equal(run(verbatimBin, ['check', 'clean.transcript'], { cwd: dir }).status, 0);
    assert.equal(run(verbatimBin, ['check', 'missing.transcript'], { cwd: dir }).status, 2);
  });

  it('runs each pre-commit hook as pre-commit would: entry, then the staged files its pattern matches', () => {
    const hooks = [
      ...readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8').matchAll(/^- id: (\S+)\n(?: {2}.*\n)*? {2}entry: (.+)\n(?: {2}.*\n)*? {2}files: (.+)$/gm),
    ].map(([, id, entry, files]) => ({ id, entry: entry.split(' '), files: new RegExp(files) }));
    assert.deepEqual(
      hooks.map((hook) => hook.id),
      ['verbatim', 'verbatim-fix'],
    );
    const staged = ['minutes.transcript', 'notes.txt', 'hearing.cart'].filter((file) => hooks.every((hook) => hook.files.test(file)));
    assert.deepEqual(staged, ['minutes.transcript', 'hearing.cart']);
    copyFileSync(path.join(repoRoot, 'samples', 'council-meeting.transcript'), path.join(dir, 'minutes.transcript'));
    writeFileSync(path.join(dir, 'hearing.cart'), '>> CHAIR:  Welcome.\n');
    for (const hook of hooks) {
      assert.equal(hook.entry[0], 'verbatim');
      const before = readFileSync(path.join(dir, 'minutes.transcript'), 'utf8');
      const result = run(verbatimBin, [...hook.entry.slice(1), ...staged], { cwd: dir });
      assert.equal(result.status, 1, `${hook.id}: findings fail the hook\n${result.stderr}`);
      const changed = readFileSync(path.join(dir, 'minutes.transcript'), 'utf8') !== before;
      assert.equal(changed, hook.id === 'verbatim-fix', `${hook.id} ${changed ? 'changed' : 'left'} the file`);
    }
  });

  it('writes SARIF whose rules link to the packaged rule documentation', () => {
    const result = run(verbatimBin, ['check', '--format', 'sarif', path.join(repoRoot, 'samples', 'council-meeting.transcript')], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout);
    assert.equal(log.runs[0].results.length, RULES.length, 'the sample: one finding of each rule');
    assert.ok(log.runs[0].tool.driver.rules.every((rule: { helpUri: string }) => /docs\/rules\.md#/.test(rule.helpUri)));
  });
});
