import { speakerName } from '../speech';
import type { Rule } from './rule';

export const inaudibleRule: Rule = {
  code: 'inaudible',
  defaultSeverity: 'information',
  description: 'An inaudible marker: content is missing and should be checked against the recording.',
  check({ transcript }) {
    return transcript.annotations
      .filter((annotation) => annotation.kind === 'inaudible')
      .map((annotation) => {
        const marker = transcript.text.slice(annotation.span.start, annotation.span.end);
        const where = annotation.turn >= 0 ? `in ${speakerName(transcript.turns[annotation.turn])}'s turn` : 'in the header';
        return { span: annotation.span, message: `Inaudible passage ${where}: ${marker}. Check it against the recording.` };
      });
  },
};
