import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/check/analysis';
import { LineIndex } from '../../server/src/core/lineIndex';
import { corpusDir, corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { verbatim } from '../helpers/cli';

describe('verbatim CLI', () => {
  let dir: string;
  let clean: string;
  let broken: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-cli-'));
    clean = path.join(dir, 'clean.transcript');
    broken = path.join(dir, 'broken.transcript');
    writeFileSync(clean, '\uFEFFPLANNING BOARD\n\n>> CHAIR:  We are in session.\n>> CLERK:  All members are present.\n');
    writeFileSync(broken, '>> CHAIR:  Welcome to the\n>> CLERK:  Thank you.\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 with a summary when a file has no warning or error', () => {
    const result = verbatim(['check', clean]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /1 file checked, 0 diagnostics/);
  });

  it('exits 1 and prints file:line:column, severity, code and message for each problem', () => {
    const result = verbatim(['check', broken]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /broken\.transcript:1:12: warning broken-turn: CHAIR's turn ends mid-sentence: "…Welcome to the"/);
  });

  it('writes the documented JSON for check', () => {
    const result = verbatim(['check', '--format', 'json', broken, clean]);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(
      report.files.map((f: { file: string }) => f.file),
      [broken, clean],
    );
    assert.deepEqual(report.files[0].diagnostics[0], {
      code: 'broken-turn',
      severity: 'warning',
      message: 'CHAIR\'s turn ends mid-sentence: "…Welcome to the"',
      range: { start: { line: 0, character: 11 }, end: { line: 0, character: 25 } },
    });
    assert.deepEqual(report.files[1].diagnostics, []);
  });

  itWithCorpus('checks a batch on worker threads with the same report, in the order the files were given', () => {
    const batch = mkdtempSync(path.join(tmpdir(), 'verbatim-batch-'));
    try {
      const files = corpusFiles()
        .slice(0, 40)
        .reverse()
        .map((source, i) => {
          const target = path.join(batch, `${String(i).padStart(2, '0')}-${path.basename(source)}`);
          writeFileSync(target, readCorpus(source));
          return target;
        });
      files.splice(5, 0, path.join(batch, 'missing.transcript'));
      const result = verbatim(['check', '--format', 'json', ...files]);
      assert.equal(result.status, 2, 'the missing file makes it exit 2');
      assert.match(result.stderr, /missing\.transcript: cannot read: no such file/);
      const report = JSON.parse(result.stdout) as { files: { file: string; diagnostics: { code: string; range: unknown }[] }[] };
      const checked = files.filter((file) => !file.endsWith('missing.transcript'));
      assert.deepEqual(
        report.files.map((entry) => entry.file),
        checked,
      );
      for (const entry of report.files) {
        const text = readCorpus(entry.file);
        const lines = new LineIndex(text);
        assert.deepEqual(
          entry.diagnostics.map((d) => [d.code, d.range]),
          analyzeText(text).findings.map((f) => [f.code, lines.rangeOf(f.span)]),
          entry.file,
        );
      }
    } finally {
      rmSync(batch, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unreadable or binary file but still checks the others', () => {
    const binary = path.join(dir, 'image.transcript');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    const result = verbatim(['check', path.join(dir, 'missing.transcript'), binary, broken]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\.transcript: cannot read: no such file/);
    assert.match(result.stderr, /image\.transcript: cannot check: binary file/);
    assert.match(result.stdout, /broken-turn/);
  });

  it('exits 2 with usage on bad arguments', () => {
    for (const args of [[], ['lint', clean], ['check'], ['check', '--format', 'xml', clean], ['outline', clean, broken]]) {
      const result = verbatim([...args]);
      assert.equal(result.status, 2, `verbatim ${args.join(' ')}`);
      assert.match(result.stderr, /Usage:/);
    }
  });

  it('writes the documented outline JSON, labels exactly as written and positions after the BOM', () => {
    const result = verbatim(['outline', '--format', 'json', clean]);
    assert.equal(result.status, 0);
    const outline = JSON.parse(result.stdout);
    assert.equal(outline.dialect, 'chevron');
    assert.deepEqual(outline.header, { title: 'PLANNING BOARD', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 14 } } });
    assert.deepEqual(outline.turns[0], {
      label: 'CHAIR',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 29 } },
      markerRange: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } },
      labelRange: { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } },
      suggestedLabel: null,
    });
    assert.equal(outline.turns.length, 2);
  });

  itWithCorpus('prints a readable outline of a real transcript', () => {
    const result = verbatim(['outline', path.join(corpusDir, '077-kitzmiller-v-dover-trial-day-padian.txt')]);
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^\s+1 {2}THE COURT {2}All right\./);
    assert.match(lines[lines.length - 1], /turns \(\d+ labelled, 0 unidentified\), \d+ speakers, dialect court/);
  });
});
