import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { updateParse, type TextChange } from '../../server/src/core/incremental';
import { parseWithState, type ParseState } from '../../server/src/core/parse';
import { corpusFiles, readCorpus } from '../helpers/corpus';

// Pieces an editor types or deletes in a transcript, markers, labels, colons and line breaks included.
const FRAGMENTS = ['>>', '>> ', '>>>', '>', '\n', '\r\n', '\n\n', ' ', '  ', ':', 'CHAIR:', '>> CHAIR:  ', '>> ANA RUIZ: ', 'Note: ', 'Q. ', 'A. ', '(inaudible)', '[ Applause ]', '(', ')', '--', 'x', 'Thank you.', '10:42', '[00:02:21]\n', 'MODERATOR ', '\u2011\u2011', 'é'];

const SEEDS = [
  '',
  'TOWN HALL\n\n>> CHAIR:  Welcome.\n>> Thank you.\n(Applause)\n>> CHAIR:  Next item --\n>> CLERK:  Roll call.\n',
  '>> ANA:  One. >> BEN: Two.\n>> ANA Three\n>>> Part two\n>> BEN:  (inaudible) four\n[00:01:02]\n>> ANA:  Five.',
  '   >> CHAIR:   Indented.\n   >> Unlabelled\n\n>>\n>> CHAIR:  Done.',
];

function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** The parse state as plain data, for a deep comparison. */
function snapshot(state: ParseState): unknown {
  return JSON.parse(JSON.stringify({ ...state, inaudibleTerms: undefined, evidence: { ...state.evidence, lineStartSpeakers: [...state.evidence.lineStartSpeakers].sort(), midLineMixedSpeakers: [...state.evidence.midLineMixedSpeakers].sort() }, colonSpeakers: [...state.colonSpeakers].sort() }));
}

const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join('')),
});

function checkSequence(initial: string, edits: { at: number; length: number; insert: string }[]): void {
  let text = initial;
  let state = parseWithState(text);
  for (const edit of edits) {
    const start = Math.floor(edit.at * text.length);
    const change = { start, end: Math.min(text.length, start + edit.length), text: edit.insert };
    const next = applyChange(text, change);
    state = updateParse(state, change, next);
    text = next;
    assert.deepEqual(snapshot(state), snapshot(parseWithState(text)), `after replacing [${change.start}, ${change.end}) with ${JSON.stringify(change.text)}`);
  }
}

describe('incremental parsing', () => {
  it('matches a fresh parse after any sequence of edits to invented transcripts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => checkSequence(seed, edits)),
      { numRuns: 400 },
    );
  });

  it('matches a fresh parse after any sequence of edits to real transcripts', () => {
    const texts = corpusFiles().map((file) => readCorpus(file));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (text, edits) => checkSequence(text, edits)),
      { numRuns: 300 },
    );
  });

  it('re-parses only near the edit: turns far from it keep their identity', () => {
    const turns = Array.from({ length: 200 }, (_, i) => `>> SPEAKER ${i % 7}:  Sentence number ${i}.`).join('\n');
    const state = parseWithState(turns);
    const farTurn = state.transcript.turns[150];
    const at = state.transcript.turns[20].body.start;
    const updated = updateParse(state, { start: at, end: at, text: 'Well, ' }, turns.slice(0, at) + 'Well, ' + turns.slice(at));
    assert.equal(updated.transcript.turns[150], farTurn);
    assert.equal(farTurn.body.start, turns.indexOf('Sentence number 150') + 'Well, '.length);
  });
});
