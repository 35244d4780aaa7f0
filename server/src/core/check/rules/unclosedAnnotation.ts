import { isNoteTerm, normaliseTerm, SOUND_PREFIXES, SOUND_TERMS } from '../../lexicon';
import type { Annotation } from '../../model';
import { speakerName } from '../../speech';
import { annotationsInScope, type Fix, type TurnRule, type RuleFinding } from './rule';

const CLOSING: Record<Annotation['bracket'], string> = { '(': ')', '[': ']' };
const SOUND_TERM_SET: ReadonlySet<string> = new Set(SOUND_TERMS.map(normaliseTerm));

export const unclosedAnnotationRule: TurnRule<'unclosed-annotation'> = {
  code: 'unclosed-annotation',
  defaultSeverity: 'error',
  description: 'An annotation opened with `(` or `[` at the start of a line that never closes on that line.',
  cheap: true,
  settings: [],
  example: '`(Applause`',
  quickFixes: '**close it** (known terms); close after the leading term',
  scope: 'turn',
  check(context) {
    const { transcript, inaudibleTerms } = context;
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    for (const annotation of annotationsInScope(context)) {
      if (annotation.closed) continue;
      const closing = CLOSING[annotation.bracket];
      // A parenthesis in hard-wrapped speech closes on the next line: that is wrapping, not an open annotation.
      if (closesOnNextLine(text, annotation.span.end, annotation.bracket, closing)) continue;
      const written = text.slice(annotation.span.start, annotation.span.end);
      const where = annotation.turn >= 0 ? `in ${speakerName(transcript.turns[annotation.turn])}'s turn` : 'in the header';
      const content = normaliseTerm(written.slice(1));
      const knownTerm = inaudibleTerms.has(content) || SOUND_TERM_SET.has(content) || isNoteTerm(content);
      const fixes: Fix[] = [
        // Closing a known term only ends the annotation where it already ends; closing unknown text turns it into non-speech, which is the editor's call.
        {
          title: `Close the annotation: ${written}${closing}`,
          edits: [{ span: { start: annotation.span.end, end: annotation.span.end }, newText: closing }],
          safe: knownTerm,
          preferred: true,
        },
      ];
      const termEnd = knownTerm ? -1 : leadingTermEnd(written, inaudibleTerms);
      if (termEnd > 0) {
        const at = annotation.span.start + termEnd;
        fixes.push({ title: `Close after "${written.slice(1, termEnd)}": the rest is speech`, edits: [{ span: { start: at, end: at }, newText: closing }], safe: false });
      }
      findings.push({ span: annotation.span, message: `Unclosed annotation ${where}: ${written} has no "${closing}" on its line.`, fixes });
    }
    return findings;
  },
};

function closesOnNextLine(text: string, lineEnd: number, opening: string, closing: string): boolean {
  const nextStart = text.indexOf('\n', lineEnd);
  if (nextStart === -1) return false;
  let nextEnd = text.indexOf('\n', nextStart + 1);
  if (nextEnd === -1) nextEnd = text.length;
  const next = text.slice(nextStart + 1, nextEnd);
  const close = next.indexOf(closing);
  if (close === -1 || next.trim().length === 0) return false;
  const reopen = next.indexOf(opening);
  return reopen === -1 || close < reopen;
}

/**
 * Where a known term that opens the annotation ends (`(Applause and then` → after `Applause`), as an
 * offset into `written`; -1 when the annotation does not start with one.
 */
function leadingTermEnd(written: string, inaudibleTerms: ReadonlySet<string>): number {
  const words = [...written.slice(1).matchAll(/\S+/g)];
  for (let count = Math.min(3, words.length - 1); count > 0; count--) {
    const candidate = normaliseTerm(
      words
        .slice(0, count)
        .map((word) => word[0])
        .join(' '),
    );
    if (inaudibleTerms.has(candidate) || SOUND_TERM_SET.has(candidate) || SOUND_PREFIXES.includes(candidate)) {
      const last = words[count - 1];
      return 1 + last.index + withoutTrailing(last[0], '.,;:!').length;
    }
  }
  return -1;
}

/** A word without its trailing punctuation; a loop, not `/[.,]+$/`, which retries every run of commas. */
function withoutTrailing(word: string, punctuation: string): string {
  let end = word.length;
  while (end > 0 && punctuation.includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}
