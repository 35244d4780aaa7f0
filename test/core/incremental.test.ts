import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fc from 'fast-check';
import { analyzeText, updateAnalysis, type AnalysisState } from '../../server/src/core/check/analysis';
import { updateParse, type TextChange } from '../../server/src/core/parse/incremental';
import { parseWithState, type ParseState } from '../../server/src/core/parse';
import { corpusFiles, readCorpus, itWithCorpus } from '../helpers/corpus';

// Pieces an editor types or deletes in a transcript, markers, labels, colons and line breaks included.
const FRAGMENTS = [
  '>>',
  '>> ',
  '>>>',
  '>',
  '\n',
  '\r\n',
  '\n\n',
  ' ',
  '  ',
  ':',
  'CHAIR:',
  '>> CHAIR:  ',
  '>> ANA RUIZ: ',
  'Note: ',
  'Q. ',
  'A. ',
  '(inaudible)',
  '[ Applause ]',
  '(',
  ')',
  '--',
  'x',
  'Thank you.',
  '10:42',
  '[00:02:21]\n',
  'MODERATOR ',
  '\u2011\u2011',
  'é',
];

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
  return JSON.parse(
    JSON.stringify({
      ...state,
      inaudibleTerms: undefined,
      evidence: { ...state.evidence, lineStartSpeakers: [...state.evidence.lineStartSpeakers].sort(), midLineMixedSpeakers: [...state.evidence.midLineMixedSpeakers].sort() },
      colonSpeakers: [...state.colonSpeakers].sort(),
    }),
  );
}

const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 4 }).map((parts) => parts.join('')),
});

type Edit = { at: number; length: number; insert: string };

/**
 * Applies the edits one by one, updating a state with `update`, and after each compares what
 * `view` shows of it with a fresh `create` on the new text.
 */
function replay<S>(initial: string, edits: Edit[], create: (text: string) => S, update: (state: S, change: TextChange, next: string) => S, view: (state: S) => unknown): void {
  let text = initial;
  let state = create(text);
  for (const edit of edits) {
    const start = Math.floor(edit.at * text.length);
    const change = { start, end: Math.min(text.length, start + edit.length), text: edit.insert };
    const next = applyChange(text, change);
    state = update(state, change, next);
    text = next;
    assert.deepEqual(view(state), view(create(text)), `after replacing [${change.start}, ${change.end}) with ${JSON.stringify(change.text)}`);
  }
}

function checkSequence(initial: string, edits: Edit[]): void {
  replay(initial, edits, parseWithState, (state, change, next) => updateParse(state, change, next).state, snapshot);
}

describe('incremental parsing', () => {
  it('matches a fresh parse after any sequence of edits to invented transcripts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => checkSequence(seed, edits)),
      { numRuns: 400 },
    );
  });

  itWithCorpus('matches a fresh parse after any sequence of edits to real transcripts', () => {
    const texts = corpusFiles().map((file) => readCorpus(file));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (text, edits) => checkSequence(text, edits)),
      { numRuns: 300 },
    );
  });

  it('re-reads the line after an edit: a heading typed above a line changes how that line reads', () => {
    // Found by the property test above: "#" typed on the blank line before "A.  CHAIR:" made that
    // line part of the header in a fresh parse, while the update kept it as a turn.
    checkSequence('\nA.  CHAIR:  Next item --\n>> CLERK:  Roll call.\n', [{ at: 0, length: 0, insert: '#' }]);
  });

  it('re-parses only near the edit: turns far from it keep their identity', () => {
    const turns = Array.from({ length: 200 }, (_, i) => `>> SPEAKER ${i % 7}:  Sentence number ${i}.`).join('\n');
    const state = parseWithState(turns);
    const farTurn = state.transcript.turns[150];
    const at = state.transcript.turns[20].body.start;
    const updated = updateParse(state, { start: at, end: at, text: 'Well, ' }, turns.slice(0, at) + 'Well, ' + turns.slice(at));
    // The turn before the edited one, the edited one, and the one on the next line (read with the line before it).
    assert.deepEqual(updated.reparsed, { firstTurn: 19, removed: 3, added: 3, delta: 6, header: false, relabelled: [] });
    assert.equal(updated.state.transcript.turns[150], farTurn);
    assert.equal(farTurn.body.start, turns.indexOf('Sentence number 150') + 'Well, '.length);
  });
});

describe('incremental analysis', () => {
  /** Findings as plain data, for a deep comparison. */
  const plain = (state: AnalysisState): unknown => JSON.parse(JSON.stringify(state.findings));

  function checkAnalysisSequence(initial: string, edits: Edit[]): void {
    replay(initial, edits, (text) => analyzeText(text), updateAnalysis, plain);
  }

  itWithCorpus('reports the same diagnostics and fixes as a fresh analysis after any sequence of edits', () => {
    const texts = [...SEEDS, ...corpusFiles().map((file) => readCorpus(file))];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (text, edits) => checkAnalysisSequence(text, edits)),
      { numRuns: 400 },
    );
  });

  it('keeps the findings of turns far from the edit instead of re-checking them', () => {
    const text = Array.from({ length: 300 }, (_, i) => `>> SPEAKER ${i % 5}:  Turn ${i} stops mid`).join('\n');
    const state = analyzeText(text);
    const farFinding = state.turnFindings[250][0];
    const at = state.transcript.turns[10].body.start;
    const updated = updateAnalysis(state, { start: at, end: at, text: 'So ' }, text.slice(0, at) + 'So ' + text.slice(at));
    assert.equal(updated.turnFindings[250][0], farFinding);
    assert.equal(farFinding.span.end, updated.transcript.turns[250].span.end);
  });
});

describe('incremental analysis: word counts', () => {
  /** Counts each turn's words before every edit, as the statistics request does, so each version has counts to carry. */
  const counted = (state: AnalysisState): AnalysisState => (state.facts.turnStats(), state);

  itWithCorpus('gives every turn the word count a fresh count gives, after any sequence of edits', () => {
    const texts = [...SEEDS, ...corpusFiles().map((file) => readCorpus(file))];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (text, edits) =>
        replay(
          text,
          edits,
          (fresh) => counted(analyzeText(fresh)),
          (state, change, next) => counted(updateAnalysis(state, change, next)),
          (state) => state.facts.turnStats(),
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('counts again a turn elsewhere whose colon-less label an edit made or unmade', () => {
    const text = `>> ANA:  One.\n${'>> BEN:  Filler turn.\n'.repeat(30)}>> ANA Three more words.\n>> BEN:  Done.`;
    const state = counted(analyzeText(text));
    const late = state.transcript.turns.length - 2;
    assert.equal(state.transcript.turns[late].label?.speaker, 'ANA', 'read as ANA: ANA speaks with a colon elsewhere');
    assert.equal(state.facts.turnStats()[late].words, 3);
    // Renaming the only colon label of ANA: the late turn has no label any more, and "ANA" is spoken.
    const at = text.indexOf('ANA:') + 2;
    const next = text.slice(0, at) + 'X' + text.slice(at + 1);
    const updated = updateAnalysis(state, { start: at, end: at + 1, text: 'X' }, next);
    assert.equal(updated.transcript.turns[late].label, null);
    assert.deepEqual(updated.facts.turnStats(), analyzeText(next).facts.turnStats());
  });

  it('counts again only the turns an edit re-read', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `>> SPEAKER ${i % 5}:  Turn ${i} has five words.`).join('\n');
    const state = analyzeText(text);
    const stepsOf = (steps: Generator<void, unknown>) => {
      let count = 0;
      while (!steps.next().done) count++;
      return count;
    };
    const fresh = stepsOf(state.facts.turnStatsSteps());
    const at = state.transcript.turns[2500].body.start;
    const updated = updateAnalysis(state, { start: at, end: at, text: 'So ' }, text.slice(0, at) + 'So ' + text.slice(at));
    assert.ok(stepsOf(updated.facts.turnStatsSteps()) < fresh / 2, 'the edited version counted in a fraction of the steps');
    assert.equal(updated.facts.turnStats()[2500].words, 6);
    assert.equal(updated.facts.transcriptStats().totalWords, 5000 * 5 + 1);
  });
});

describe('incremental analysis: findings that read other turns', () => {
  function editAndCompare(text: string, search: string, replacement: string): void {
    const start = text.indexOf(search);
    assert.ok(start >= 0, `"${search}" is in the text`);
    const change = { start, end: start + search.length, text: replacement };
    const next = applyChange(text, change);
    const updated = updateAnalysis(analyzeText(text), change, next);
    assert.deepEqual(JSON.parse(JSON.stringify(updated.findings)), JSON.parse(JSON.stringify(analyzeText(next).findings)));
  }

  it('re-checks the turn after an edited one: a handover names the next speaker', () => {
    const text = '>> ANA RUIZ:  Hello everyone.\n>> Good morning, I have a question.\n>> ANA RUIZ:  Yes.\n>> THOMAS BERG:  Fine.\n';
    editAndCompare(text, 'Hello everyone.', 'Hello everyone. Thomas, would you like to start?');
  });

  it('re-checks every turn when the spelling of a speaker elsewhere changes', () => {
    const text = [
      '>> THOMAS BERG:  One.',
      '>> THOMAS BERG:  Two.',
      '>> Thomas Berg:  Three.',
      '>> ANA RUIZ:  Four.',
      '>> Good morning, a question from the floor.',
      '>> ANA RUIZ:  Thank you, Thomas.',
    ].join('\n');
    editAndCompare(text, '>> THOMAS BERG:  Two.', '>> Thomas Berg:  Two.');
  });

  it('moves a "change all" fix that several label findings share by the edit before them, once', () => {
    const text = ['>> THOMAS BERG:  One.', '>> Thomas Berg:  Two.', '>> THOMAS BERG:  Three.', '>> Thomas  Berg:  Four.', '>> THOMAS BERG:  Five.'].join('\n');
    editAndCompare(text, 'One.', 'One, and a longer sentence.');
  });
});

describe('incremental parsing and analysis: a colon label typed or erased', () => {
  it('re-reads colon-less labels elsewhere instead of parsing afresh, and checks as a fresh analysis would', () => {
    const text = ['>> ANA:  Welcome.', '>> MODERATOR Thank you, Ana.', '>> Good morning, a question.', '>> ANA:  Go ahead.', '>> MODERATOR We start now'].join('\n');
    // No turn says `MODERATOR:` yet, so `>> MODERATOR Thank you` is unlabelled speech; labelling one turn changes that.
    const at = text.indexOf('Good morning');
    const change = { start: at, end: at, text: 'MODERATOR:  ' };
    const next = applyChange(text, change);
    const update = updateParse(parseWithState(text), change, next);
    assert.ok(update.reparsed, 'updated in place');
    // Turn 1 is re-parsed with the edit (the turn before the edited one); turn 4 is re-read.
    assert.deepEqual(update.reparsed!.relabelled, [4]);
    assert.equal(update.state.transcript.turns[1].label?.raw, 'MODERATOR');
    assert.equal(update.state.transcript.turns[4].label?.raw, 'MODERATOR');
    assert.deepEqual(snapshot(update.state), snapshot(parseWithState(next)));
    const analysed = updateAnalysis(analyzeText(text), change, next);
    assert.deepEqual(JSON.parse(JSON.stringify(analysed.findings)), JSON.parse(JSON.stringify(analyzeText(next).findings)));
    // And erasing the colon again takes the colon-less labels away.
    const back = updateParse(parseWithState(next), { start: at, end: at + 'MODERATOR:  '.length, text: '' }, text);
    assert.deepEqual(back.reparsed!.relabelled, [4]);
    assert.deepEqual(snapshot(back.state), snapshot(parseWithState(text)));
  });
});

describe('incremental analysis: memory', () => {
  it('does not keep old versions of the text alive through kept labels, findings or caches', function () {
    // Needs `--expose-gc` to measure; mocha runs without it, so this test asks node for a child that has it.
    this.timeout(120000);
    const script = `
      const { analyzeText, updateAnalysis } = require(${JSON.stringify(require.resolve('../../server/src/core/check/analysis'))});
      const turn = '>> H.E. AMBASSADOR MARIA DE LA CRUZ:  We will now hear the report of the committee, and then   vote on the the budget (inaudible)\\n>> Thank you, Ambassador de la Cruz, for the report of the committee\\n';
      let text = turn.repeat(20000) + '\\u2011';
      let state = analyzeText(text);
      global.gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 40; i++) {
        const at = (i * 7919 * 13) % text.length;
        const next = text.slice(0, at) + 'x' + text.slice(at);
        state = updateAnalysis(state, { start: at, end: at, text: 'x' }, next);
        text = next;
      }
      global.gc();
      process.stdout.write(String((process.memoryUsage().heapUsed - before) / (text.length * 2)));
    `;
    const grown = Number(execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }));
    // Forty edited copies of the text would be 40x its size; the kept analysis may grow by a fraction of one.
    assert.ok(grown < 1, `the heap grew by ${grown.toFixed(1)} times the text's size over 40 edits`);
  });
});
