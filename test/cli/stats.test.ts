import { strict as assert } from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { corpusFiles, itWithCorpus } from '../helpers/corpus';
import { verbatim } from '../helpers/cli';

// Invented: 28 spoken words; ANA RUIZ 12, CHAIR 11, and an unlabelled turn of 5 with an inaudible marker, which the chair handed to Tom.
const HEARING = [
  'BUDGET HEARING',
  '>> ANA RUIZ:  One two three four five six seven eight nine.',
  '>> CHAIR:  Thank you very much. Tom, would you like to add something?',
  '>> Ten (inaudible) eleven twelve thirteen fourteen.',
  '>> ANA RUIZ:  Fifteen sixteen seventeen.',
].join('\n');

describe('verbatim stats and the outline suggestion', () => {
  let dir: string;
  let hearing: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'verbatim-stats-'));
    hearing = path.join(dir, 'hearing.transcript');
    writeFileSync(hearing, HEARING);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a table per file: turns, words, share, longest turn with its line, inaudible markers', () => {
    const result = verbatim(['stats', hearing]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], `${hearing}: 4 turns, 2 speakers, 28 words; 1 inaudible marker (35.71 per 1,000 words)`);
    assert.match(lines[2], /^ {2}ANA RUIZ\s+2\s+12\s+43%\s+9 \(2\)\s+0$/);
    assert.match(lines[3], /^ {2}CHAIR\s+1\s+11\s+39%\s+11 \(3\)\s+0$/);
    assert.match(lines[4], /^ {2}\(unidentified\)\s+1\s+5\s+18%\s+5 \(4\)\s+1$/);
  });

  it('prints the statistics request result as JSON with --format json', () => {
    const result = verbatim(['stats', '--format', 'json', hearing]);
    assert.equal(result.status, 0, result.stderr);
    const { files } = JSON.parse(result.stdout);
    assert.equal(files[0].file, hearing);
    assert.equal(files[0].totals.words, 28);
    assert.deepEqual(
      files[0].speakers.map((s: { name: string; turnCount: number; inaudible: number }) => [s.name, s.turnCount, s.inaudible]),
      [
        ['ANA RUIZ', 2, 0],
        ['CHAIR', 1, 0],
      ],
    );
    assert.equal(files[0].unidentified.inaudible, 1);
  });

  it('exits 2 on an unreadable file and rejects other formats', () => {
    assert.equal(verbatim(['stats', path.join(dir, 'missing.transcript')]).status, 2);
    assert.equal(verbatim(['stats', '--format', 'sarif', hearing]).status, 2);
  });

  itWithCorpus('gives every corpus file a table that accounts for every turn', () => {
    const result = verbatim(['stats', '--format', 'json', ...corpusFiles()]);
    assert.equal(result.status, 0, result.stderr);
    const { files } = JSON.parse(result.stdout);
    assert.equal(files.length, corpusFiles().length);
    for (const file of files) {
      const counted = file.speakers.reduce((sum: number, s: { turnCount: number }) => sum + s.turnCount, 0) + (file.unidentified?.turnCount ?? 0);
      assert.equal(counted, file.totals.turns, file.file);
    }
  });

  it('gives unlabelled turns a suggestedLabel in the outline JSON when the text names the speaker', () => {
    const result = verbatim(['outline', '--format', 'json', hearing]);
    assert.equal(result.status, 0, result.stderr);
    const { turns } = JSON.parse(result.stdout);
    assert.deepEqual(
      turns.map((turn: { label: string | null; suggestedLabel: string | null }) => [turn.label, turn.suggestedLabel]),
      [
        ['ANA RUIZ', null],
        ['CHAIR', null],
        [null, 'TOM'],
        ['ANA RUIZ', null],
      ],
    );
  });
});
