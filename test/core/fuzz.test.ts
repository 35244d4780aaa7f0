// Property tests: whatever the user opens, the core never throws, every range it reports is a
// valid range of that document, and every fix applies cleanly without changing what was said.
// `npm run fuzz -- N` runs the same properties N times each.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../server/src/core/check/analysis';
import { decodeTranscriptFile } from '../../server/src/core/fileText';
import { applyEdits, checkedFixes, fixAll } from '../../server/src/core/check/fixes';
import { formatEdits } from '../../server/src/core/check/format';
import { updateParse } from '../../server/src/core/parse/incremental';
import { documentLimit } from '../../server/src/core/config/limits';
import { TranscriptFacts } from '../../server/src/core/speakers/transcriptFacts';
import { LineIndex, type Positions, type Range } from '../../server/src/core/lineIndex';
import type { Span, Transcript } from '../../server/src/core/model';
import { parseTranscript, parseWithState } from '../../server/src/core/parse';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import { spokenWords } from '../../server/src/core/speech';
import type { DocumentAnalysis } from '../../server/src/documents';
import { diagnostics } from '../../server/src/features/diagnostics';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { anyCodeUnits, anyDocument, corpusSliceDocument, fragmentDocument, fuzzParameters } from '../helpers/fuzzInputs';

function assertSpanInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer offsets ${span.start}-${span.end}`);
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= length, `${what}: ${span.start}-${span.end} is not inside 0-${length}`);
}

function assertWithin(inner: Span, outer: Span, what: string): void {
  assert.ok(outer.start <= inner.start && inner.end <= outer.end, `${what}: ${inner.start}-${inner.end} is not within ${outer.start}-${outer.end}`);
}

/** Every span the parser reports, named for the failure message. */
function transcriptSpans(transcript: Transcript): [string, Span][] {
  const spans: [string, Span][] = [];
  const { header } = transcript;
  if (header) {
    spans.push(['header', header.span]);
    if (header.titleSpan) spans.push(['header title', header.titleSpan]);
    if (header.disclaimer) spans.push(['header disclaimer', header.disclaimer]);
  }
  for (const turn of transcript.turns) {
    spans.push([`turn ${turn.index}`, turn.span], [`turn ${turn.index} marker`, turn.marker], [`turn ${turn.index} body`, turn.body]);
    if (turn.label) spans.push([`turn ${turn.index} label`, turn.label.span]);
    if (turn.label?.colon) spans.push([`turn ${turn.index} colon`, turn.label.colon]);
    turn.paragraphs.forEach((paragraph, i) => spans.push([`turn ${turn.index} paragraph ${i}`, paragraph]));
  }
  transcript.annotations.forEach((annotation, i) => spans.push([`annotation ${i}`, annotation.span]));
  transcript.timestamps.forEach((timestamp, i) => spans.push([`timestamp ${i}`, timestamp.span]));
  transcript.sections.forEach((section, i) => spans.push([`section ${i}`, section.span]));
  return spans;
}

function assertRangeInside(range: Range, lines: Positions, text: string, what: string): void {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  assert.ok(start <= end, `${what}: range ends before it starts`);
  // Converting back must give the same position: the range names real characters of the document.
  assert.deepEqual(lines.positionAt(start), range.start, `${what}: start ${JSON.stringify(range.start)} is not a position of the document`);
  assert.deepEqual(lines.positionAt(end), range.end, `${what}: end ${JSON.stringify(range.end)} is not a position of the document`);
  assert.ok(end <= text.length);
}

function rangeContains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

// The same notion of a word as `spokenWords`: letters, marks and digits with inner apostrophes or hyphens.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/gu;

/** Every spoken word of the original still stands, in order and intact, among the words of the fixed text. */
function assertKeepsWords(spoken: readonly string[], fixed: string, what: string): void {
  const words = [...fixed.matchAll(WORD)].map((match) => match[0]);
  let next = 0;
  for (const word of spoken) {
    while (next < words.length && words[next] !== word) next++;
    assert.ok(next < words.length, `${what}: the spoken word "${word}" is gone or changed`);
    next++;
  }
}

function documentAnalysis(text: string): DocumentAnalysis {
  const analysis = analyzeText(text);
  return {
    ...analysis,
    facts: new TranscriptFacts(analysis.transcript),
    superseded: () => false,
    uri: 'file:///fuzz.transcript',
    version: 1,
    lines: new LineIndex(text),
    limit: documentLimit(text, DEFAULT_SETTINGS.maxFileSizeMB),
  };
}

describe('fuzz: bad input never hurts the core', function () {
  this.timeout(0);

  it('parses and analyses any text without throwing; every span lies inside the document, start before end', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const { transcript, findings } = analyzeText(text);
        for (const [what, span] of transcriptSpans(transcript)) assertSpanInside(span, text.length, what);
        for (const finding of findings) {
          assertSpanInside(finding.span, text.length, `${finding.code} finding`);
          for (const fix of finding.fixes ?? []) for (const edit of fix.edits) assertSpanInside(edit.span, text.length, `${finding.code} fix "${fix.title}"`);
        }
      }),
      fuzzParameters(),
    );
  });

  it('keeps turns in document order without overlap, each holding its marker, label, body and paragraphs', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentDocument, corpusSliceDocument), (text) => {
        const transcript = parseTranscript(text);
        let previousEnd = transcript.header ? transcript.header.span.end : 0;
        for (const turn of transcript.turns) {
          assert.ok(turn.span.start >= previousEnd, `turn ${turn.index} starts at ${turn.span.start}, inside what comes before (ends ${previousEnd})`);
          assertWithin(turn.marker, turn.span, `turn ${turn.index} marker`);
          assertWithin(turn.body, turn.span, `turn ${turn.index} body`);
          if (turn.label) assertWithin(turn.label.span, turn.span, `turn ${turn.index} label`);
          for (const paragraph of turn.paragraphs) assertWithin(paragraph, turn.body, `turn ${turn.index} paragraph`);
          previousEnd = turn.span.end;
        }
        for (let i = 1; i < transcript.annotations.length; i++) {
          assert.ok(transcript.annotations[i].span.start >= transcript.annotations[i - 1].span.end, `annotation ${i} overlaps the one before`);
        }
      }),
      fuzzParameters(),
    );
  });

  it('answers outline, folding and diagnostics with valid LSP ranges: inside the document, ordered, the selection inside its symbol', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const analysis = documentAnalysis(text);
        const { lines } = analysis;
        for (const diagnostic of diagnostics(analysis, 'file:///rules.md')) assertRangeInside(diagnostic.range, lines, text, `diagnostic ${diagnostic.code}`);
        const visit = (symbol: ReturnType<typeof documentSymbols>['symbols'][number]) => {
          assertRangeInside(symbol.range, lines, text, `symbol ${symbol.name}`);
          assertRangeInside(symbol.selectionRange, lines, text, `symbol ${symbol.name} selection`);
          // VS Code rejects the whole outline when one selection range falls outside its symbol.
          assert.ok(
            rangeContains(symbol.range, symbol.selectionRange),
            `symbol ${symbol.name}: selection ${JSON.stringify(symbol.selectionRange)} outside ${JSON.stringify(symbol.range)}`,
          );
          assert.ok(symbol.name.trim().length > 0, 'VS Code rejects a symbol with an empty name');
          for (const child of symbol.children ?? []) {
            assert.ok(rangeContains(symbol.range, child.range), `symbol ${child.name} lies outside its parent ${symbol.name}`);
            visit(child);
          }
        };
        documentSymbols(analysis, Number.POSITIVE_INFINITY).symbols.forEach(visit);
        for (const range of foldingRanges(analysis, Number.POSITIVE_INFINITY))
          assert.ok(range.startLine < range.endLine && range.endLine < lines.lineCount, `folding ${range.startLine}-${range.endLine}`);
      }),
      fuzzParameters(),
    );
  });

  it("converts offsets to positions exactly as the editor's document does, whatever the line endings", () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const lines = new LineIndex(text);
        const editor = TextDocument.create('file:///fuzz.transcript', 'caption-transcript', 1, text);
        assert.equal(lines.lineCount, editor.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = editor.positionAt(offset);
          assert.deepEqual(lines.positionAt(offset), position, `offset ${offset}`);
          assert.equal(lines.offsetAt(position), editor.offsetAt(position), `position ${JSON.stringify(position)}`);
        }
      }),
      fuzzParameters(),
    );
  });

  it('decodes random bytes without throwing: a NUL in the opening is refused, anything else is analysed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const decoded = decodeTranscriptFile(bytes);
        assert.equal(decoded.ok, !bytes.includes(0));
        if (decoded.ok) analyzeText(decoded.text);
      }),
      fuzzParameters(),
    );
  });

  it('applies every quick fix cleanly; a fix marked safe deletes or changes no spoken word', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentDocument, corpusSliceDocument), (text) => {
        const before = analyzeText(text);
        const spoken = spokenWords(before.transcript);
        for (const finding of before.findings) {
          for (const fix of finding.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            analyzeText(fixed);
            if (fix.safe) assertKeepsWords(spoken, fixed, `${finding.code} fix "${fix.title}" on ${JSON.stringify(text)}`);
          }
        }
      }),
      fuzzParameters(),
    );
  });

  it('fix-all never throws and deletes or changes no spoken word', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentDocument, corpusSliceDocument), (text) => {
        const spoken = spokenWords(analyzeText(text).transcript);
        assertKeepsWords(spoken, fixAll(text).text, `fix-all on ${JSON.stringify(text)}`);
      }),
      fuzzParameters(),
    );
  });

  // Stricter than keeping the words in the text: the parser must read them the same. A rule cannot
  // promise that (its edits touch no word, yet the parser may read a nearby label differently), so
  // `checkedFixes` and fix-all check their safe fixes against the re-parse.
  it('safe fixes keep the spoken words as the re-parsed text reads them: each quick fix offered as safe, and fix-all', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentDocument, corpusSliceDocument), (text) => {
        const before = analyzeText(text);
        const spoken = spokenWords(before.transcript);
        const wordsRead = (fixed: string) => spokenWords(analyzeText(fixed).transcript);
        for (const finding of before.findings) {
          for (const fix of checkedFixes(before, finding)) {
            if (fix.safe) assert.deepEqual(wordsRead(applyEdits(text, fix.edits)), spoken, `${finding.code} fix "${fix.title}" on ${JSON.stringify(text)}`);
          }
        }
        assert.deepEqual(wordsRead(fixAll(text).text), spoken, `fix-all on ${JSON.stringify(text)}`);
      }),
      fuzzParameters(),
    );
  });

  it('formats any document with edits that apply cleanly and keep every spoken word', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const formatted = applyEdits(text, formatEdits(text, DEFAULT_SETTINGS));
        assert.deepEqual(
          spokenWords(analyzeText(formatted).transcript),
          spokenWords(analyzeText(text).transcript),
          `formatting changed the spoken words of ${JSON.stringify(text)}`,
        );
      }),
      fuzzParameters(),
    );
  });

  it('formatting twice changes nothing', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const once = applyEdits(text, formatEdits(text, DEFAULT_SETTINGS));
        assert.deepEqual(formatEdits(once, DEFAULT_SETTINGS), [], `formatting ${JSON.stringify(text)} a second time still changes it`);
      }),
      fuzzParameters(),
    );
  });

  it('parses incrementally to the same result as a fresh parse, whatever the edits cut (pairs, CRLF, markers)', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.nat({ max: 30 }),
      insert: fc.oneof(
        fragmentDocument.map((piece) => piece.slice(0, 40)),
        anyCodeUnits.map((piece) => piece.slice(0, 6)),
      ),
    });
    fc.assert(
      fc.property(anyDocument, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let text = initial;
        let state = parseWithState(text);
        for (const { at, length, insert } of edits) {
          const start = Math.floor(at * text.length);
          const change = { start, end: Math.min(text.length, start + length), text: insert };
          text = text.slice(0, change.start) + change.text + text.slice(change.end);
          state = updateParse(state, change, text).state;
          assert.deepEqual(
            JSON.parse(JSON.stringify(state.transcript)),
            JSON.parse(JSON.stringify(parseWithState(text).transcript)),
            `after replacing ${change.start}-${change.end} with ${JSON.stringify(insert)}`,
          );
        }
      }),
      fuzzParameters(),
    );
  });
});
