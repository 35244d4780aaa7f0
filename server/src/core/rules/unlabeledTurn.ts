import { firstWords } from '../speech';
import type { Rule } from './rule';

export const unlabeledTurnRule: Rule = {
  code: 'unlabeled-turn',
  defaultSeverity: 'hint',
  description: 'A turn with no speaker label: the speaker changed but was not identified.',
  check({ transcript }) {
    return transcript.turns
      .filter((turn) => turn.label === null && turn.body.start < turn.body.end)
      .map((turn) => {
        const quote = firstWords(transcript.text.slice(turn.body.start, Math.min(turn.body.end, turn.body.start + 200)));
        return { span: turn.marker, message: `Unidentified speaker: "${quote}"` };
      });
  },
};
