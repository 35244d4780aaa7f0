import { normaliseTerm } from '../../lexicon';
import type { Annotation } from '../../model';
import { speakerName } from '../../speech';
import { annotationsInScope, type Fix, type TurnRule, type RuleSettings } from './rule';

/** Terms that all mean "words could not be made out": renaming one to another loses nothing. */
const SAME_MEANING: ReadonlySet<string> = new Set(['inaudible', 'unintelligible', 'indiscernible']);

/** The configured spelling of an inaudible marker: `(inaudible)`, `[inaudible]`. */
export function preferredInaudibleMarker(settings: RuleSettings): string {
  return `${settings.annotationBrackets.charAt(0)}${settings.inaudiblePreferred}${settings.annotationBrackets.charAt(1)}`;
}

export const inaudibleRule: TurnRule<'inaudible'> = {
  code: 'inaudible',
  defaultSeverity: 'information',
  description: 'An inaudible marker: content is missing and should be checked against the recording.',
  cheap: true,
  settings: ['inaudiblePreferred', 'annotationBrackets'],
  example: '`[ Indiscernible ]`',
  quickFixes: '**write as the preferred spelling** (synonyms only; `(Crosstalk)` on request)',
  scope: 'turn',
  check(context) {
    const { transcript, settings, inaudibleTerms } = context;
    const preferred = preferredInaudibleMarker(settings);
    return annotationsInScope(context)
      .filter((annotation) => annotation.kind === 'inaudible')
      .map((annotation) => {
        const marker = transcript.text.slice(annotation.span.start, annotation.span.end);
        const where = annotation.turn >= 0 ? `in ${speakerName(transcript.turns[annotation.turn])}'s turn` : 'in the header';
        const fixes: Fix[] = [];
        const fix = normaliseFix(annotation, marker, preferred, settings, inaudibleTerms);
        if (fix) fixes.push(fix);
        return { span: annotation.span, message: `Inaudible passage ${where}: ${marker}. Check it against the recording.`, fixes };
      });
  },
};

function normaliseFix(annotation: Annotation, marker: string, preferred: string, settings: RuleSettings, inaudibleTerms: ReadonlySet<string>): Fix | null {
  // Markers with more to say than the term (`(inaudible: audio problems)`) or left open keep their wording.
  const term = normaliseTerm(annotation.content);
  if (!annotation.closed || marker === preferred || !inaudibleTerms.has(term)) return null;
  // `(Crosstalk)` or `(Audio disconnect)` say why words are missing; only a synonym is renamed on save.
  const sameMeaning = SAME_MEANING.has(term) || term === normaliseTerm(settings.inaudiblePreferred);
  return { title: `Write ${marker} as ${preferred}`, edits: [{ span: annotation.span, newText: preferred }], safe: sameMeaning, preferred: sameMeaning };
}
