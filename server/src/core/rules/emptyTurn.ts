import type { Rule } from './rule';

export const emptyTurnRule: Rule = {
  code: 'empty-turn',
  defaultSeverity: 'warning',
  description: 'A speaker-change marker with no label and no text before the next marker.',
  check({ transcript }) {
    return transcript.turns
      .filter((turn) => turn.label === null && turn.body.start === turn.body.end)
      .map((turn) => {
        const marker = transcript.text.slice(turn.marker.start, turn.marker.end);
        return { span: turn.marker, message: `Empty turn: "${marker}" has no speaker label and no text before the next turn.` };
      });
  },
};
