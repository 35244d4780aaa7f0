import { strict as assert } from 'assert';
import * as path from 'path';
import { analyzeText } from '../../server/src/core/check/analysis';
import * as fc from 'fast-check';
import { applyEdits, checkedFixes, composeEdits, fixAll, safeFixesToApply } from '../../server/src/core/check/fixes';
import type { TextEdit } from '../../server/src/core/check/rules/rule';
import { spokenWords } from '../../server/src/core/speech';
import { corpusFiles, readCorpus, describeWithCorpus } from '../helpers/corpus';

const wordsOf = (text: string) => spokenWords(analyzeText(text).transcript);

describe('fixes', () => {
  it('applies edits in any order and refuses overlapping ones', () => {
    const text = 'abcdef';
    assert.equal(
      applyEdits(text, [
        { span: { start: 4, end: 5 }, newText: 'E' },
        { span: { start: 0, end: 1 }, newText: 'A' },
        { span: { start: 2, end: 2 }, newText: '-' },
      ]),
      'Ab-cdEf',
    );
    assert.throws(() =>
      applyEdits(text, [
        { span: { start: 0, end: 3 }, newText: '' },
        { span: { start: 2, end: 4 }, newText: '' },
      ]),
    );
  });

  it('spokenWords keeps the words of turns and leaves out header, labels, markers, annotations and dashes', () => {
    const text = 'TOWN MEETING\n\n>> CHAIR:  Welcome -- everyone (Applause) to the town\u2019s meeting.\n>> Thank you, co\u2011chair [inaudible].\n';
    assert.deepEqual(wordsOf(text), ['Welcome', 'everyone', 'to', 'the', 'town\u2019s', 'meeting', 'Thank', 'you', 'co\u2011chair']);
  });

  it('fix-all puts flattened turns on their lines, unifies case variants and normalises synonyms, and nothing that touches words', () => {
    const text = '>> MODERATOR:  Welcome.  >> ANNA:  Thanks (unintelligible) and the the rest\n>> Moderator:  Next  please.\n>> MODERATOR:  Go on.\n';
    const result = fixAll(text);
    assert.equal(result.text, '>> MODERATOR:  Welcome.\n>> ANNA:  Thanks (inaudible) and the the rest\n>> MODERATOR:  Next  please.\n>> MODERATOR:  Go on.\n');
    assert.deepEqual(result.fixedByCode, { 'flattened-turns': 1, inaudible: 1, 'label-variant': 1 });
  });

  it('takes each duplicated edit once and defers a fix that overlaps an earlier one', () => {
    const text = '>> A B:  One.  >> C D:  Two.  >> E F:  Three.\n';
    const findings = analyzeText(text).findings;
    const chosen = safeFixesToApply(findings);
    const edits = chosen.flatMap((fix) => fix.freshEdits);
    assert.equal(chosen.length, 2);
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(text, edits), '>> A B:  One.\n>> C D:  Two.\n>> E F:  Three.\n');
  });

  it('composes two rounds of edits into edits of the original text that make both', () => {
    const original = 'one two three four';
    const first = [
      { span: { start: 4, end: 7 }, newText: '2' },
      { span: { start: 14, end: 18 }, newText: 'FOUR!' },
    ];
    const between = applyEdits(original, first);
    assert.equal(between, 'one 2 three FOUR!');
    // Inside the first round's text, touching it, and in text it left alone.
    const second = [
      { span: { start: 4, end: 5 }, newText: 'two' },
      { span: { start: 0, end: 0 }, newText: '>> ' },
      { span: { start: 16, end: 17 }, newText: '' },
    ];
    const composed = composeEdits(first, second, between);
    assert.equal(applyEdits(original, composed), applyEdits(between, second));
    assert.deepEqual(composed, [
      { span: { start: 0, end: 0 }, newText: '>> ' },
      { span: { start: 4, end: 7 }, newText: 'two' },
      { span: { start: 14, end: 18 }, newText: 'FOUR' },
    ]);
  });

  it('composes any two rounds of edits as applying them in turn does', () => {
    const editsOf = (text: string) =>
      fc
        .uniqueArray(fc.record({ at: fc.nat({ max: text.length }), length: fc.nat({ max: 4 }), newText: fc.constantFrom('', 'x', '\r\n', 'long text') }), {
          selector: (edit) => edit.at,
          maxLength: 6,
        })
        .map((picked) => {
          // Non-overlapping: each edit ends before the next starts.
          const sorted = [...picked].sort((a, b) => a.at - b.at);
          const edits: TextEdit[] = [];
          let free = 0;
          for (const { at, length, newText } of sorted) {
            if (at < free) continue;
            const end = Math.min(text.length, at + length);
            edits.push({ span: { start: at, end }, newText });
            free = end + 1;
          }
          return edits;
        });
    const rounds = fc.string({ maxLength: 30 }).chain((original) =>
      editsOf(original).chain((first) => {
        const between = applyEdits(original, first);
        return editsOf(between).map((second) => ({ original, first, between, second }));
      }),
    );
    fc.assert(
      fc.property(rounds, ({ original, first, between, second }) => {
        assert.equal(applyEdits(original, composeEdits(first, second, between)), applyEdits(between, second));
      }),
      { numRuns: 500 },
    );
  });

  it('gives fix-all as small edits where the text changes, not one edit from the first change to the last', () => {
    const text = `>> MODERATOR:  Welcome.  >> ANNA:  Thanks.\n${'>> ANNA:  A turn that needs nothing.\n'.repeat(50)}>> BEN:  Yes (unintelligible) indeed.\n`;
    const result = fixAll(text);
    assert.equal(applyEdits(text, result.edits), result.text);
    assert.deepEqual(
      result.edits.map((edit) => text.slice(edit.span.start, edit.span.end)),
      ['  ', '(unintelligible)'],
    );
  });

  describe('a safe fix after which the parser reads other spoken words', () => {
    // Writing (Inaudible.) as (inaudible) drops the full stop that makes "SARAH LUDFORD:" a mid-line label.
    const sentenceEndLost = 'x.\n>>(Inaudible.) SARAH LUDFORD: Is it (unintelligible) working?\n';
    // Putting AMBASSADOR LI's turn on its own line once tipped the file from colon to chevron turns and
    // made that turn join the header; each line is now read on its own evidence, so the fix is safe.
    const dialectTipped = 'It is an aidH.E. AMBASSADOR LI: the proceedings (unintelligible).\n\n>> CHENG MASANGO:  Good (Inaudible) afternoon (unintelligible).\n';

    const findingAt = (text: string, code: string, written: string) => {
      const analysis = analyzeText(text);
      const finding = analysis.findings.find((candidate) => candidate.code === code && text.slice(candidate.span.start, candidate.span.end).startsWith(written));
      assert.ok(finding, `no ${code} finding on "${written}"`);
      return { analysis, finding };
    };

    for (const [text, code, written] of [[sentenceEndLost, 'inaudible', '(Inaudible.)']]) {
      it(`${code} on "${written}": offered as an ordinary quick fix, neither safe nor preferred`, () => {
        const { analysis, finding } = findingAt(text, code, written);
        const [claimed] = finding.fixes!;
        assert.equal(claimed.safe, true, 'the rule sees no spoken word in its edits');
        assert.notDeepEqual(wordsOf(applyEdits(text, claimed.edits)), wordsOf(text));
        assert.deepEqual(checkedFixes(analysis, finding)[0], { ...claimed, safe: false, preferred: false });
      });
    }

    it('keeps a safe fix that leaves the words as they were read', () => {
      for (const [text, code, written] of [
        [sentenceEndLost, 'inaudible', '(unintelligible)'],
        [dialectTipped, 'flattened-turns', 'AMBASSADOR LI'],
      ]) {
        const { analysis, finding } = findingAt(text, code, written);
        assert.equal(finding.fixes![0].safe, true);
        assert.deepEqual(wordsOf(applyEdits(text, finding.fixes![0].edits)), wordsOf(text));
        assert.deepEqual(checkedFixes(analysis, finding), finding.fixes);
      }
    });

    it('is made by fix-all only once the turn it would unmake stands on its own line', () => {
      const kept = fixAll(sentenceEndLost);
      assert.equal(kept.text, 'x.\n>>(inaudible)\nSARAH LUDFORD: Is it (inaudible) working?\n');
      assert.deepEqual(kept.fixedByCode, { inaudible: 2, 'flattened-turns': 1 });
      const tipped = fixAll(dialectTipped);
      assert.equal(tipped.text, 'It is an aidH.E.\nAMBASSADOR LI: the proceedings (inaudible).\n\n>> CHENG MASANGO:  Good (inaudible) afternoon (inaudible).\n');
      assert.deepEqual(tipped.fixedByCode, { 'flattened-turns': 1, inaudible: 3 });
      for (const [text, result] of [
        [sentenceEndLost, kept],
        [dialectTipped, tipped],
      ] as const)
        assert.deepEqual(wordsOf(result.text), wordsOf(text));
    });

    it('fix-all tells the fixes that change the words from the others in every place of a long text', () => {
      // Forty places where one fix would unmake a turn: each is left out where it stands, and every other
      // fix is made, as in a text with that place alone (found by comparing readings, not a parse per fix).
      const single = fixAll(sentenceEndLost);
      const many = fixAll(sentenceEndLost.repeat(40));
      assert.equal(many.text, single.text.repeat(40));
      assert.equal(many.fixedCount, single.fixedCount * 40);
      assert.deepEqual(wordsOf(many.text), wordsOf(sentenceEndLost.repeat(40)));
    });
  });

  describeWithCorpus('on every corpus transcript', () => {
    for (const file of corpusFiles()) {
      it(`${path.basename(file)}: keeps every spoken word and leaves nothing for a second pass`, () => {
        const text = readCorpus(file);
        const fixed = fixAll(text);
        assert.equal(applyEdits(text, fixed.edits), fixed.text, 'the edits make the fixed text');
        assert.deepEqual(wordsOf(fixed.text), wordsOf(text));
        assert.equal(analyzeText(fixed.text).transcript.turns.length, analyzeText(text).transcript.turns.length);
        const second = fixAll(fixed.text);
        assert.equal(second.fixedCount, 0, JSON.stringify(second.fixedByCode));
        assert.equal(second.text, fixed.text);
      });
    }
  });
});
