import { strict as assert } from 'assert';
import { parseWithSettings } from '../../../server/src/core/check/analysis';
import { LineIndex } from '../../../server/src/core/lineIndex';
import type { LabelDoubt, Transcript } from '../../../server/src/core/model';
import { labelDoubtRule } from '../../../server/src/core/check/rules/labelDoubt';
import type { RuleContext } from '../../../server/src/core/check/rules/rule';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { runSteps } from '../../../server/src/core/steps';
import { answerActions, RECORD_ANSWER_COMMAND } from '../../../server/src/features/answers';
import type { DocumentAnalysis } from '../../../server/src/documents';
import { TranscriptFacts } from '../../../server/src/core/speakers/transcriptFacts';
import { findingsOf } from './kit';

// Invented: a chevron file with an agenda line and one colon turn without chevrons.
const TEXT = ['>> CHAIR:  Welcome, everyone.', 'Session 1: Opening remarks', '>> CHAIR:  Over to you.', 'Amanda: Thank you!', ''].join('\n');

/** The transcript of TEXT with the doubts a reader unsure of both lines reports (the rebuilt reader fills them itself). */
function doubtful(): Transcript {
  const transcript = parseWithSettings(TEXT);
  const at = (words: string, readAs: LabelDoubt['readAs']): LabelDoubt => ({ text: words, span: { start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length }, readAs });
  return { ...transcript, doubts: [at('Session 1', 'text'), at('Amanda', 'label')] };
}

function check(transcript: Transcript) {
  const context: RuleContext = {
    transcript,
    turns: transcript.turns,
    includeHeader: true,
    settings: DEFAULT_SETTINGS,
    annotationsOf: () => [],
    speakerSummary: () => assert.fail('label-doubt reads no speaker summary'),
    inaudibleTerms: new Set(),
  };
  return runSteps(labelDoubtRule.check(context));
}

describe('label-doubt', () => {
  it('asks about each doubtful reading on its words, saying how it was read', () => {
    const findings = check(doubtful());
    assert.deepEqual(
      findings.map((finding) => TEXT.slice(finding.span.start, finding.span.end)),
      ['Session 1', 'Amanda'],
    );
    assert.equal(findings[0].message, 'Is "Session 1" a speaker? It is read as text (a heading or speech, not a new turn), but could be a label.');
    assert.equal(findings[1].message, 'Is "Amanda" a speaker? It is read as one (a new turn starts here), on little evidence.');
    assert.ok(
      findings.every((finding) => !finding.fixes),
      'the answer changes the settings, never the text: nothing for fix-all',
    );
  });

  it('says nothing where the reader is sure', () => {
    assert.deepEqual(check({ ...doubtful(), doubts: [] }), []);
  });

  it('offers the two answers as commands that record them, naming where', () => {
    const transcript = doubtful();
    const lines = new LineIndex(TEXT);
    const analysis: DocumentAnalysis = {
      transcript,
      findings: [],
      uri: 'untitled:Untitled-1',
      version: 1,
      lines,
      limit: { kind: 'full' },
      settings: DEFAULT_SETTINGS,
      facts: new TranscriptFacts(transcript),
      superseded: () => false,
    };
    const diagnostic = { range: lines.rangeOf(transcript.doubts[0].span), message: '', code: 'label-doubt', source: 'verbatim' };
    const actions = answerActions(analysis, diagnostic, []);
    assert.deepEqual(
      actions.map((action) => [action.title, action.command?.command, action.command?.arguments]),
      [
        ['"Session 1" is a speaker (remember in your settings)', RECORD_ANSWER_COMMAND, [{ uri: 'untitled:Untitled-1', name: 'Session 1', isSpeaker: true }]],
        ['"Session 1" is not a speaker (remember in your settings)', RECORD_ANSWER_COMMAND, [{ uri: 'untitled:Untitled-1', name: 'Session 1', isSpeaker: false }]],
      ],
    );
    assert.ok(actions.every((action) => action.edit === undefined && action.diagnostics?.[0] === diagnostic));
    const stale = { ...diagnostic, range: lines.rangeOf({ start: 0, end: 2 }) };
    assert.deepEqual(answerActions(analysis, stale, []), [], 'a diagnostic that no longer matches a doubt gets no answer');
  });

  it('is a hint by default, and can be turned off (end to end: needs the rebuilt reader)', function () {
    const hints = findingsOf('label-doubt', TEXT);
    assert.ok(hints.length > 0, 'the reader doubts one of the two lines of TEXT');
    assert.ok(hints.every((hint) => hint.severity === 'hint'));
    assert.deepEqual(findingsOf('label-doubt', TEXT, { rules: { 'label-doubt': 'off' } }), []);
    // Once answered, the line is no longer in doubt.
    assert.deepEqual(findingsOf('label-doubt', TEXT, { notSpeakers: ['Session 1'], speakers: ['Amanda'] }), []);
  });
});
