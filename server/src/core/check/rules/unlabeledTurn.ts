import type { LabelStyle } from '../../speakers/labelStyle';
import type { Transcript, Turn } from '../../model';
import { firstWords } from '../../speech';
import { suggestLabels, type LabelSuggestion } from '../../whoSaidIt';
import type { Fix, TurnRule, TextEdit } from './rule';

const EVIDENCE_WORDING: Record<LabelSuggestion['evidence'], string> = {
  'self-introduction': 'introduces themselves as',
  handover: 'the previous speaker hands over to',
  announcement: 'the previous speaker announces',
  thanks: 'the next speaker thanks',
  reply: 'the next speaker answers',
};

export const unlabeledTurnRule: TurnRule<'unlabeled-turn'> = {
  code: 'unlabeled-turn',
  defaultSeverity: 'hint',
  description: 'A turn with no speaker label: the speaker changed but was not identified. When the text names the speaker, the message says who it probably is.',
  cheap: false,
  settings: [],
  example: '`>> Thank you. My name is Anna Lee.`',
  quickFixes: 'label as the suggested speaker',
  scope: 'turn',
  readsSpeakers: true,
  check({ transcript, turns, speakerSummary }) {
    const summary = speakerSummary();
    const suggestions = suggestLabels(transcript, turns, summary);
    const style = suggestions.size > 0 ? summary.style : null;
    return turns
      .filter((turn) => turn.label === null && turn.body.start < turn.body.end)
      .map((turn) => {
        const quote = firstWords(transcript.text.slice(turn.body.start, Math.min(turn.body.end, turn.body.start + 200)));
        const suggestion = suggestions.get(turn.index);
        if (!suggestion || !style) return { span: turn.marker, message: `Unidentified speaker: "${quote}"` };
        const named = transcript.text.slice(suggestion.evidenceSpan.start, suggestion.evidenceSpan.end).replace(/\s+/g, ' ');
        // Asserting who spoke is the editor's call: never part of fix-all.
        const fix: Fix = { title: `Label as ${suggestion.label}`, edits: [labelEdit(transcript, turn, suggestion.label, style)], safe: false, preferred: true };
        return {
          span: turn.marker,
          message: `Unidentified speaker: "${quote}"; probably ${suggestion.label} (${EVIDENCE_WORDING[suggestion.evidence]} "${named}")`,
          fixes: [fix],
        };
      });
  },
};

/** Writes `LABEL:` after the turn's marker in the file's style, leaving the speech untouched. */
export function labelEdit(transcript: Transcript, turn: Turn, label: string, style: LabelStyle): TextEdit {
  const gap = transcript.text.slice(turn.marker.end, turn.body.start);
  // Speech on the marker's line: the label goes just before it. Otherwise the marker stands alone on its line.
  if (!/[\r\n]/.test(gap)) {
    const afterMarker = gap.length > 0 ? gap : style.afterMarker;
    return { span: { start: turn.marker.end, end: turn.body.start }, newText: `${afterMarker}${label}:${style.afterColon}` };
  }
  return { span: { start: turn.marker.end, end: turn.marker.end }, newText: `${style.afterMarker || ' '}${label}:` };
}
