import { strict as assert } from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/check/analysis';
import { spokenWords } from '../../server/src/core/speech';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { verbatim } from '../helpers/cli';

describe('verbatim check --fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-fix-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the safe fixes in place, keeps the BOM and file mode, and reports what remains', () => {
    const file = path.join(dir, 'session.transcript');
    writeFileSync(file, '\uFEFF>> MODERATOR:  Welcome.  >> ANNA:  I I think (unintelligible) so.\n>> Moderator:  Thanks.\n>> MODERATOR:  Next.\n');
    chmodSync(file, 0o640);
    const result = verbatim(['check', '--fix', file]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(readFileSync(file, 'utf8'), '\uFEFF>> MODERATOR:  Welcome.\n>> ANNA:  I I think (inaudible) so.\n>> MODERATOR:  Thanks.\n>> MODERATOR:  Next.\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.match(result.stdout, /session\.transcript: fixed 1 flattened-turns, 1 inaudible, 1 label-variant/);
    assert.match(result.stdout, /session\.transcript:2:11: warning repeated-word/);
    assert.match(result.stdout, /1 file checked, 3 fixed, 2 diagnostics remain/);
    assert.deepEqual(readdirSync(dir), ['session.transcript'], 'no temporary file is left behind');
  });

  it('leaves a file with nothing safe to fix untouched, byte for byte', () => {
    const file = path.join(dir, 'clean.transcript');
    const text = '>> CHAIR:  We are in\r\n>> CLERK:  session.\r\n';
    writeFileSync(file, text);
    const before = statSync(file).mtimeMs;
    const result = verbatim(['check', '--fix', '--format', 'json', file]);
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(statSync(file).mtimeMs, before);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.files[0].fixed, {});
    assert.deepEqual(
      report.files[0].diagnostics.map((d: { code: string }) => d.code),
      ['broken-turn'],
    );
  });

  itWithCorpus('fixes copies of every corpus file without changing a spoken word, and a second run fixes nothing', () => {
    const copies = corpusFiles().map((file) => {
      const copy = path.join(dir, path.basename(file));
      writeFileSync(copy, readCorpus(file));
      return copy;
    });
    const first = JSON.parse(verbatim(['check', '--fix', '--format', 'json', ...copies]).stdout);
    const fixedTotal = first.files.reduce((sum: number, file: { fixed: Record<string, number> }) => sum + Object.values(file.fixed).reduce((a, b) => a + b, 0), 0);
    assert.ok(fixedTotal > 0, 'the corpus has flattened files to fix');
    for (const copy of copies) {
      const words = (text: string) => spokenWords(analyzeText(text).transcript);
      assert.deepEqual(words(readFileSync(copy, 'utf8')), words(readCorpus(path.basename(copy))), copy);
    }
    const second = JSON.parse(verbatim(['check', '--fix', '--format', 'json', ...copies]).stdout);
    assert.ok(second.files.every((file: { fixed: Record<string, number> }) => Object.keys(file.fixed).length === 0));
  });

  it('is refused by outline, and --format sarif is refused by outline too', () => {
    assert.equal(verbatim(['outline', '--fix', 'x.transcript']).status, 2);
    assert.match(verbatim(['outline', '--format', 'sarif', 'x.transcript']).stderr, /outline --format must be text, json/);
  });
});
