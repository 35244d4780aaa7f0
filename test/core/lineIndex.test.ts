// LSP positions are 0-based lines and UTF-16 columns; lines end at \n, \r\n or a lone \r.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core/lineIndex';
import type { Span } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parse';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';
import { anyDocument, fuzzParameters } from '../helpers/fuzzInputs';
import { assertConvertsAs, lineEdit, rangeIn } from '../helpers/lineEdits';

function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.lineStart(line));
}

function inOrder({ start, end }: Span): Span {
  return start <= end ? { start, end } : { start: end, end: start };
}

function editorOf(text: string): TextDocument {
  return TextDocument.create('file:///edited.transcript', 'caption-transcript', 1, text);
}

/** Scan steps of a few characters stop the scan anywhere, `\r\n` pairs split across steps included. */
const scanStepLength = fc.integer({ min: 1, max: 6 });

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

  itWithCorpus('round-trips every turn, label and annotation span of the corpus', () => {
    for (const file of corpusFiles()) {
      const text = readCorpus(file);
      const index = new LineIndex(text);
      const doc = parseTranscript(text);
      const spans = [...doc.turns.flatMap((turn) => [turn.span, turn.body, ...(turn.label ? [turn.label.span] : [])]), ...doc.annotations.map((annotation) => annotation.span)];
      for (const span of spans) assert.deepEqual(index.spanOf(index.rangeOf(span)), span, file);
    }
  });

  it('scans nothing until asked, then only as far as a conversion needs, or one step at a time', () => {
    const text = '>> ANA:  One.\n>> BEN:  Two.\r\n>> ANA:  Three.\r';
    const converted = new LineIndex(text, 4);
    assert.equal(converted.indexed, false);
    assert.deepEqual(converted.positionAt(2), { line: 0, character: 2 });
    assert.equal(converted.indexed, false, 'a conversion near the start scans only the first line');
    const stepped = new LineIndex(text, 4);
    let steps = 0;
    for (const _ of stepped.indexSteps()) steps++;
    assert.equal(stepped.indexed, true);
    assert.equal(steps, Math.ceil(text.length / 4));
    assert.deepEqual(lineStarts(stepped), [0, 14, 29, 45]);
  });

  it('splits and joins a \\r\\n at either end of an edit', () => {
    const cases: [string, Span, string, number[]][] = [
      ['a\r\nb', { start: 2, end: 2 }, 'x', [0, 2, 4]],
      ['a\rx\nb', { start: 2, end: 3 }, '', [0, 3]],
      ['a\rb', { start: 2, end: 2 }, '\n', [0, 3]],
      ['a\nb', { start: 1, end: 1 }, 'x\r', [0, 4]],
      ['a\r\nb', { start: 1, end: 3 }, '\r', [0, 2]],
      ['a\r\nb', { start: 0, end: 2 }, '', [0, 1]],
    ];
    for (const [text, span, newText, starts] of cases) {
      for (const step of [1, 2, 64]) {
        const index = new LineIndex(text, step);
        index.edit(span, newText);
        assert.deepEqual(lineStarts(index), starts, `${JSON.stringify(text)} with ${JSON.stringify(newText)} at ${span.start}-${span.end}, scanning ${step} at a time`);
      }
    }
  });

  it('clamps a change that starts past the last line (TextDocument.update loses track of the lines there)', () => {
    const index = new LineIndex('a\nb');
    index.edit(inOrder(index.spanOf({ start: { line: 5, character: 0 }, end: { line: 6, character: 0 } })), '\nc');
    assert.equal(index.text, 'a\nb\nc');
    assert.deepEqual(lineStarts(index), [0, 2, 4]);
  });

  it('after any edits, made wherever the scan had got to, converts as a new index of the edited text', () => {
    fc.assert(
      fc.property(anyDocument, fc.array(fc.tuple(lineEdit, fc.nat()), { maxLength: 8 }), scanStepLength, (text, edits, step) => {
        const index = new LineIndex(text, step);
        let current = text;
        for (const [edit, probe] of edits) {
          // A conversion scans as far as it needs: the edit meets a partly scanned text.
          index.positionAt(probe % (current.length + 1));
          const range = rangeIn(current, edit, false);
          const span = inOrder(index.spanOf(range));
          assert.deepEqual(span, inOrder(new LineIndex(current).spanOf(range)), `range ${JSON.stringify(range)} of ${JSON.stringify(current)}`);
          index.edit(span, edit.text);
          current = current.slice(0, span.start) + edit.text + current.slice(span.end);
        }
        assert.equal(index.text, current);
        assertConvertsAs(index, editorOf(current));
      }),
      fuzzParameters(),
    );
  });

  it('edits its lines as TextDocument.update does', () => {
    fc.assert(
      fc.property(anyDocument, fc.array(lineEdit, { maxLength: 8 }), scanStepLength, (text, edits, step) => {
        const index = new LineIndex(text, step);
        const editor = editorOf(text);
        edits.forEach((edit, i) => {
          const range = rangeIn(editor.getText(), edit, true);
          index.edit(inOrder(index.spanOf(range)), edit.text);
          TextDocument.update(editor, [{ range, text: edit.text }], i + 2);
        });
        assert.equal(index.text, editor.getText());
        assertConvertsAs(index, editor);
      }),
      fuzzParameters(),
    );
  });
});
