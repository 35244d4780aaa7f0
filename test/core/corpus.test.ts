// The parser on every real transcript in ../shared/corpus: structural invariants, checks against
// what plain regular expressions find in the raw text, and the totals the release note quotes.
import { strict as assert } from 'assert';
import * as path from 'path';
import { hasCaptioningDisclaimer, FENCE, LABEL_TRAPS, PROVIDER_BLOCK } from '../../server/src/core/lexicon';
import type { Dialect, Span, Transcript } from '../../server/src/core/model';
import { parseTranscript } from '../../server/src/core/parse';
import { NAME_PARTICLES } from '../../server/src/core/speakers/speakers';
import { corpusFiles, readCorpus, describeWithCorpus } from '../helpers/corpus';
import { readerKeys } from '../helpers/readerKeys';

function keyedDialects(): Record<string, Dialect> {
  return Object.fromEntries(readerKeys().map((key) => [key.file.slice(0, 3), key.dialect as Dialect]));
}

// Dialects by file number, from CONVENTIONS.md section 1 for 001-080 and from the hand-made keys
// (test/fixtures/reader-keys) for the files keyed there. `066` names a speaker only once, mid-line
// in PDF text (`Terri Agnew:`), which is too little evidence for a colon dialect: no turns.
const EXPECTED_DIALECT: Record<string, Dialect> = {
  ...keyedDialects(),
  '005': 'colon',
  '021': 'colon',
  '023': 'colon',
  '024': 'colon',
  '064': 'colon',
  '067': 'colon',
  '071': 'colon',
  '073': 'colon',
  '074': 'colon',
  '077': 'court',
  '078': 'court',
  '079': 'court',
  '056': 'single-chevron',
  '059': 'single-chevron',
  '065': 'none',
  '066': 'none',
  '072': 'none',
};

// Oracles: what a reader finds with plain patterns, independent of the parser's code.
// `> >` is a pair of chevrons quoted as Markdown.
const LINE_START_CHEVRON = /^[ \t]*(> ?>)(?![ ]?>)/gm;
const ANY_CHEVRON = /(?<=^|[\s.?!"')\]\u201d\u2019])>>(?!>)/g;
// `>>NAME:` / `>> NAME:` at a line start with an ALL-CAPS name (and an optional affiliation).
const LINE_START_CAPS_LABEL = /^[ \t]*>>[ \t]*(\p{Lu}[\p{Lu}\p{M}\d .'\u2019\u2011-]*?(?: \([^()\n]{1,40}\))?)[ \t]*:(?=[ \t]|$)/gmu;
const INAUDIBLE = /[([][ \t]*(?:inaudible|indiscernible|unintelligible|off microphone|\?)[ \t]*\.?[ \t]*[)\]]/gi;
const SOUND = /[([][ \t]*(?:applause|laughter|gavel|pause|background talking|background noise)[ \t]*\.?[ \t]*[)\]]/gi;

interface Parsed {
  name: string;
  number: string;
  text: string;
  doc: Transcript;
}

const totals = {
  files: 0,
  turns: 0,
  labelled: 0,
  unlabelled: 0,
  flattened: 0,
  inaudible: 0,
  sound: 0,
  note: 0,
  headers: 0,
  disclaimers: 0,
  byDialect: {} as Record<string, { files: number; turns: number }>,
};

const parsed: Parsed[] = corpusFiles().map((file) => {
  const name = path.basename(file);
  const text = readCorpus(name);
  return { name, number: name.slice(0, 3), text, doc: parseTranscript(text) };
});

function inside(span: Span, text: string): boolean {
  return span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

describeWithCorpus('parseTranscript on the corpus', function () {
  this.timeout(60000);

  it('finds all 95 corpus files', () => {
    assert.equal(parsed.length, 95);
  });

  after(() => {
    for (const { doc } of parsed) {
      totals.files++;
      totals.turns += doc.turns.length;
      totals.labelled += doc.turns.filter((turn) => turn.label !== null).length;
      totals.unlabelled += doc.turns.filter((turn) => turn.label === null).length;
      totals.flattened += doc.turns.filter((turn) => turn.flattened).length;
      for (const annotation of doc.annotations) totals[annotation.kind]++;
      if (doc.header) totals.headers++;
      if (doc.header?.disclaimer) totals.disclaimers++;
      const dialect = (totals.byDialect[doc.dialect] ??= { files: 0, turns: 0 });
      dialect.files++;
      dialect.turns += doc.turns.length;
    }
    console.log(`      corpus totals: ${JSON.stringify(totals)}`);
  });

  for (const { name, number, text, doc } of parsed) {
    describe(name, () => {
      it('recognises the dialect', () => {
        assert.equal(doc.dialect, EXPECTED_DIALECT[number] ?? 'chevron');
      });

      it('keeps every span inside the text and well ordered', () => {
        for (const turn of doc.turns) {
          for (const span of [turn.span, turn.marker, turn.body, ...turn.paragraphs]) assert.ok(inside(span, text), `turn ${turn.index}: ${JSON.stringify(span)}`);
          assert.ok(contains(turn.span, turn.marker) && contains(turn.span, turn.body), `turn ${turn.index}`);
          if (turn.label) {
            assert.ok(contains(turn.span, turn.label.span), `label of turn ${turn.index} outside its turn`);
            if (turn.label.colon) assert.equal(text.charAt(turn.label.colon.start), ':');
            assert.equal(text.slice(turn.label.span.start, turn.label.span.end), turn.label.raw);
          }
          let previousEnd = turn.body.start;
          for (const paragraph of turn.paragraphs) {
            assert.ok(paragraph.start >= previousEnd && paragraph.start < paragraph.end && contains(turn.body, paragraph), `paragraph of turn ${turn.index}`);
            previousEnd = paragraph.end;
          }
        }
        for (let i = 1; i < doc.turns.length; i++) {
          assert.equal(doc.turns[i].index, i);
          assert.ok(doc.turns[i - 1].span.end <= doc.turns[i].span.start, `turns ${i - 1} and ${i} overlap`);
        }
        if (doc.header) {
          assert.ok(inside(doc.header.span, text));
          if (doc.turns.length > 0) assert.ok(doc.header.span.end <= doc.turns[0].span.start);
          for (const span of [doc.header.titleSpan, doc.header.disclaimer]) if (span) assert.ok(contains(doc.header.span, span));
        }
        for (let i = 0; i < doc.annotations.length; i++) {
          const annotation = doc.annotations[i];
          assert.ok(inside(annotation.span, text));
          if (i > 0) assert.ok(doc.annotations[i - 1].span.end <= annotation.span.start, 'annotations in order, not overlapping');
          if (annotation.turn === -1) assert.ok(doc.turns.length === 0 || annotation.span.start < doc.turns[0].span.start);
          else assert.ok(annotation.span.start >= doc.turns[annotation.turn].span.start && annotation.span.start < (doc.turns[annotation.turn + 1]?.span.start ?? Infinity));
        }
        for (const timestamp of doc.timestamps) assert.equal(text.slice(timestamp.span.start, timestamp.span.end), timestamp.text);
        for (let i = 0; i < doc.sections.length; i++) {
          assert.ok(doc.sections[i].firstTurn >= 0 && doc.sections[i].firstTurn <= doc.turns.length);
          if (i > 0) assert.ok(doc.sections[i - 1].span.start < doc.sections[i].span.start);
        }
      });

      it('starts a turn at every >> marker, at a line start or mid-line', () => {
        const markerStarts = new Set(doc.turns.map((turn) => turn.marker.start));
        let lineStart = 0;
        for (const match of text.matchAll(LINE_START_CHEVRON)) {
          lineStart++;
          assert.ok(markerStarts.has(match.index! + match[0].length - match[1].length), `no turn at line-start >> (offset ${match.index})`);
        }
        let any = 0;
        for (const match of text.matchAll(ANY_CHEVRON)) {
          any++;
          assert.ok(markerStarts.has(match.index!), `no turn at >> (offset ${match.index})`);
        }
        if (doc.dialect === 'chevron') assert.ok(doc.turns.length >= Math.max(lineStart, any));
        if (lineStart + any === 0 && doc.dialect === 'chevron') assert.fail('chevron dialect without chevrons');
      });

      it('reads the same ALL-CAPS labels as a plain pattern over line-start >>NAME: lines', () => {
        const byMarker = new Map(doc.turns.map((turn) => [turn.marker.start, turn]));
        for (const match of text.matchAll(LINE_START_CAPS_LABEL)) {
          const expected = match[1].trim();
          if (LABEL_TRAPS.has(expected) || expected.split(' ').length > 6) continue;
          const markerStart = text.indexOf('>>', match.index!);
          const turn = byMarker.get(markerStart);
          assert.ok(turn, `no turn at ${JSON.stringify(match[0])}`);
          assert.equal(turn.label?.raw, expected);
          assert.equal(text.slice(turn.body.start, turn.body.start + 1).trim().length, 1, 'the body starts at the first word after the colon');
        }
      });

      it('reads no header field or speech phrase as a label', () => {
        for (const turn of doc.turns) {
          if (!turn.label) continue;
          const { raw, speaker } = turn.label;
          assert.ok(!LABEL_TRAPS.has(speaker), `trap label ${raw}`);
          const name = raw.replace(/\s*\([^()]*\)$/, '');
          const words = name.split(/\s+/);
          assert.ok(words.length <= 6, `long label ${raw}`);
          for (const word of words) assert.ok(!/^\p{Ll}/u.test(word) || NAME_PARTICLES.has(word), `lower-case word in label ${raw}`);
          if (turn.label.colon) assert.ok(/^(?:[ \t\u00A0]|$)/.test(text.slice(turn.label.colon.end, turn.label.colon.end + 1)), `label ${raw} glued to text after its colon`);
        }
      });

      it('classifies the annotations a plain pattern finds', () => {
        const kindAt = new Map(doc.annotations.map((annotation) => [annotation.span.start, annotation.kind]));
        for (const match of text.matchAll(INAUDIBLE)) assert.equal(kindAt.get(match.index!), 'inaudible', match[0]);
        for (const match of text.matchAll(SOUND)) assert.equal(kindAt.get(match.index!), 'sound', match[0]);
      });

      it('finds the disclaimer, and never takes a fence, provider block, disclaimer or date for the title', () => {
        const opening = text.slice(0, doc.turns[0]?.span.start ?? text.length);
        if (opening.trim().length === 0) {
          assert.equal(doc.header, null);
          return;
        }
        assert.ok(doc.header);
        if (hasCaptioningDisclaimer(opening)) assert.ok(doc.header.disclaimer, 'disclaimer not found');
        const title = doc.header.title;
        if (title === null) return;
        assert.ok(!FENCE.test(title) && !PROVIDER_BLOCK.test(title) && !hasCaptioningDisclaimer(title), `title ${title}`);
        assert.ok(!/^[\d\s,./:-]*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\d\s,./:-]*)?$/i.test(title), `a date for a title: ${title}`);
        assert.ok(title.length > 0 && title.length <= 81);
      });
    });
  }

  // Spot checks found by searching each file's text at test time rather than quoting it.
  it('starts a new turn at a label glued after a colon (`...:THE CLERK:`)', () => {
    let seen = 0;
    for (const { text, doc } of parsed.filter((file) => file.doc.dialect === 'colon' || file.doc.dialect === 'court')) {
      for (const match of text.matchAll(/\p{Ll}:(\p{Lu}[\p{Lu} .]+):[ \t]/gu)) {
        seen++;
        const labelStart = match.index! + 2;
        assert.ok(doc.turns.some((turn) => turn.label?.span.start === labelStart && turn.label.raw === match[1] && turn.flattened));
      }
    }
    assert.ok(seen > 0, 'the corpus has a glued label');
  });

  it('keeps `WORD:digits` inside running text', () => {
    let seen = 0;
    for (const { text, doc } of parsed) {
      for (const match of text.matchAll(/\p{Lu}+:\d/gu)) {
        seen++;
        assert.ok(!doc.turns.some((turn) => turn.label && turn.label.span.start <= match.index! && match.index! < turn.label.span.end));
      }
    }
    assert.ok(seen > 0);
  });

  it('marks the turns of one-line (flattened) files as flattened after the first line start', () => {
    for (const { name, text, doc } of parsed) {
      if (/[\r\n]/.test(text.trim()) || doc.turns.length === 0) continue;
      const lineStartTurns = doc.turns.filter((turn) => !turn.flattened);
      assert.ok(lineStartTurns.length <= 1, `${name}: ${lineStartTurns.length} turns at a line start`);
      if (doc.turns[0].span.start > 0) assert.equal(doc.turns[0].flattened, true, name);
    }
  });

  it("reads every copy of a file repeated past the parser's 64 KB steps the same way (same turns in each copy)", () => {
    let checked = 0;
    for (const { name, text } of parsed) {
      const copy = `${text}\n`;
      const repeated = copy.repeat(Math.ceil(300_000 / copy.length));
      const turnsPerCopy: number[] = [];
      for (const turn of parseTranscript(repeated).turns) {
        const index = Math.floor(turn.span.start / copy.length);
        turnsPerCopy[index] = (turnsPerCopy[index] ?? 0) + 1;
      }
      // The first copy has no copy before it to end; the last may be cut short by the seam.
      const inner = turnsPerCopy.slice(1, -1);
      assert.ok(
        inner.every((count) => count === inner[0]),
        `${name}: turns per copy ${JSON.stringify(turnsPerCopy)}`,
      );
      checked += inner.length > 0 && inner[0] > 0 ? 1 : 0;
    }
    assert.ok(checked >= 70, `only ${checked} files had turns in every copy`);
  });

  it('parses 10 MB of corpus text quickly and linearly', () => {
    let big = '';
    while (big.length < 10_000_000) for (const { text } of parsed) big += `${text}\n\n`;
    const small = big.slice(0, 1_000_000);
    const timeOf = (text: string): number => {
      const started = process.hrtime.bigint();
      parseTranscript(text);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    timeOf(small);
    const smallMs = timeOf(small);
    const bigMs = timeOf(big);
    assert.ok(bigMs < 8000, `10 MB took ${bigMs.toFixed(0)} ms`);
    // Ten times the text may take a little more than ten times as long (GC), never quadratically longer.
    assert.ok(bigMs < 40 * Math.max(smallMs, 5), `1 MB: ${smallMs.toFixed(0)} ms, 10 MB: ${bigMs.toFixed(0)} ms`);
  });
});
