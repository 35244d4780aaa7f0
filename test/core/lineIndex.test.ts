// LSP positions are 0-based lines and UTF-16 columns; lines end at \n, \r\n or a lone \r.
import { strict as assert } from 'assert';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseTranscript } from '../../server/src/core/parse';
import { corpusFiles, readCorpus } from '../helpers/corpus';

function roundTripsEveryOffset(text: string): void {
  const index = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const position = index.positionAt(offset);
    const back = index.offsetAt(position);
    // An offset between \r and \n has no position of its own: it maps to the end of its line.
    if (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) assert.equal(back, offset - 1);
    else assert.equal(back, offset, `offset ${offset} -> ${JSON.stringify(position)} -> ${back}`);
  }
}

describe('LineIndex', () => {
  it('counts lines ending in LF, CRLF and lone CR, as VS Code does', () => {
    const index = new LineIndex('a\nbb\r\nccc\rdddd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 2 }, 'the \\r of a CRLF ends line 1');
    assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(14), { line: 3, character: 4 });
    assert.equal(index.lineEnd(1), 4);
    assert.equal(index.lineEnd(2), 9);
    assert.equal(index.lineStart(3), 10);
  });

  it('counts columns in UTF-16 code units: astral characters take two', () => {
    const text = '>> ANA:  \u{1F600}\u{1F600} hi\n\u{1D400}x';
    const index = new LineIndex(text);
    const hi = text.indexOf('hi');
    assert.deepEqual(index.positionAt(hi), { line: 0, character: 14 });
    assert.equal(index.offsetAt({ line: 0, character: 14 }), hi);
    assert.deepEqual(index.positionAt(text.indexOf('x')), { line: 1, character: 2 });
  });

  it('round-trips every offset of mixed line endings, BOM, NBSP and astral text', () => {
    roundTripsEveryOffset('\uFEFF>> ANA\u00A0LEE:  caf\u00E9 \u{1F3A4}\r\n\r\n>> Hi.\r(Applause)\n\n\u2011\u2011 end\r\n');
    roundTripsEveryOffset('');
    roundTripsEveryOffset('\r\n');
    roundTripsEveryOffset('\n\r');
    roundTripsEveryOffset('\r\r\n\n');
  });

  it('clamps positions past a line end or the document end', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 2, 'never inside the line break');
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 6);
    assert.equal(index.offsetAt({ line: -1, character: 5 }), 0);
    assert.deepEqual(index.positionAt(-3), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
  });

  it('converts spans to ranges and back', () => {
    const text = 'TITLE\r\n\r\n>> MODERATOR:  Welcome.\r\n>> \u{1F600} NEXT:  Hi.';
    const doc = parseTranscript(text);
    const index = new LineIndex(text);
    const label = doc.turns[0].label!.span;
    assert.deepEqual(index.rangeOf(label), { start: { line: 2, character: 3 }, end: { line: 2, character: 12 } });
    assert.deepEqual(index.spanOf(index.rangeOf(label)), label);
    assert.deepEqual(index.rangeOf(doc.header!.span), { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
  });

  it('round-trips every turn, label and annotation span of the corpus', () => {
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const index = new LineIndex(text);
      const doc = parseTranscript(text);
      const spans = [...doc.turns.flatMap((turn) => [turn.span, turn.body, ...(turn.label ? [turn.label.span] : [])]), ...doc.annotations.map((annotation) => annotation.span)];
      for (const span of spans) assert.deepEqual(index.spanOf(index.rangeOf(span)), span, file);
    }
  });
});
