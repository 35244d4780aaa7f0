import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CONFIG_FILE_NAME, loadConfig } from '../../server/src/core/config/config';
import { verbatim } from '../helpers/cli';

describe('.verbatimrc.json', () => {
  it('is found in the nearest folder above the transcript', () => {
    const files: Record<string, string> = {
      [path.resolve('/work/project', CONFIG_FILE_NAME)]: '{ "dashStyle": "\u2014" }',
      [path.resolve('/work', CONFIG_FILE_NAME)]: '{ "dashStyle": "\u2011\u2011" }',
    };
    const read = (file: string) => files[file];
    const nested = loadConfig('/work/project/2024/march/session.transcript', read);
    assert.equal(nested.file, path.resolve('/work/project', CONFIG_FILE_NAME));
    assert.equal(nested.settings.dashStyle, '\u2014');
    assert.equal(loadConfig('/work/other/session.transcript', read).settings.dashStyle, '\u2011\u2011');
    const none = loadConfig('/elsewhere/session.transcript', read);
    assert.equal(none.file, null);
    assert.equal(none.settings.dashStyle, '--');
  });

  it('reports invalid JSON, mistyped keys and wrong values by file, and the defaults apply', () => {
    const file = path.resolve('/p', CONFIG_FILE_NAME);
    const broken = loadConfig('/p/a.transcript', () => '{ "rules": ');
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0], /\.verbatimrc\.json: not valid JSON/);
    const typos = loadConfig('/p/a.transcript', (f) => (f === file ? '{ "dashstyle": "--", "labelCase": "lower", "rules": { "lost-dash": "off" } }' : undefined));
    assert.deepEqual(typos.settings.rules, { 'lost-dash': 'off' });
    assert.equal(typos.settings.labelCase, 'upper');
    assert.ok(typos.problems.some((p) => /unknown setting "dashstyle" \(did you mean "dashStyle"\?\)/.test(p)));
    assert.ok(typos.problems.some((p) => /"labelCase" must be one of "upper", "as-written"; got "lower"/.test(p)));
  });

  describe('in the CLI', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'verbatim-rc-'));
      mkdirSync(path.join(dir, 'day1'));
      writeFileSync(path.join(dir, 'day1', 'a.transcript'), '>> CHAIR:  We need the  budget and the the plan.\n>> ANNA:  Yes (unintelligible).\n');
      writeFileSync(path.join(dir, 'day1', 'b.transcript'), '>> CHAIR:  Fine.\n');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('changes severities, turns rules off and styles the fixes', () => {
      writeFileSync(
        path.join(dir, CONFIG_FILE_NAME),
        JSON.stringify({ rules: { 'repeated-word': 'off', 'lost-dash': 'error' }, inaudiblePreferred: 'indiscernible', annotationBrackets: '[]' }),
      );
      const file = path.join(dir, 'day1', 'a.transcript');
      const result = verbatim(['check', '--fix', file]);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /error lost-dash/);
      assert.doesNotMatch(result.stdout, /repeated-word/);
      assert.match(readFileSync(file, 'utf8'), /Yes \[indiscernible\]\./);
    });

    it('reports a broken settings file once for all files, then checks with the defaults', () => {
      writeFileSync(path.join(dir, CONFIG_FILE_NAME), '{ "rules": { "lost-dash": "loud" } }');
      const result = verbatim(['check', path.join(dir, 'day1', 'a.transcript'), path.join(dir, 'day1', 'b.transcript')]);
      assert.equal(result.stderr.match(/"rules\.lost-dash" must be one of/g)?.length, 1, result.stderr);
      assert.match(result.stdout, /hint lost-dash/);
      assert.match(result.stdout, /2 files checked/);
    });
  });
});
