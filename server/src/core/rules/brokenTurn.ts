import type { Annotation, Span } from '../model';
import { bodyParts, lastWords, speakerName } from '../speech';
import type { Rule, RuleFinding } from './rule';

// Closing quotes and brackets may follow the sentence's final mark: `."`, `?”`, `.)`.
const TRAILING_CLOSERS = /["'\u201d\u2019\u00bb)\]*\s]+$/;
// A sentence ends with . ? ! …; a trailing dash means the speaker trailed off on purpose.
const SENTENCE_END = /[.?!\u2026\-\u2010\u2011\u2013\u2014]$/;

export function endsSentence(text: string, span: Span): boolean {
  const tail = text.slice(Math.max(span.start, span.end - 12), span.end).replace(TRAILING_CLOSERS, '');
  return SENTENCE_END.test(tail);
}

/** An unmatched opening quote in the turn's last paragraph: the text stops inside a quotation. */
function endsInsideQuotation(text: string, span: Span): boolean {
  const tail = text.slice(Math.max(span.start, span.end - 400), span.end);
  const curlyOpen = (tail.match(/\u201c/g) ?? []).length;
  const curlyClose = (tail.match(/\u201d/g) ?? []).length;
  const straight = (tail.match(/"/g) ?? []).length;
  return curlyOpen > curlyClose || straight % 2 === 1;
}

function isAloneOnLine(text: string, annotation: Annotation): boolean {
  const lineStart = text.lastIndexOf('\n', annotation.span.start - 1) + 1;
  return text.slice(lineStart, annotation.span.start).trim().length === 0;
}

export const brokenTurnRule: Rule = {
  code: 'broken-turn',
  defaultSeverity: 'warning',
  description: 'A turn whose spoken text stops mid-sentence before the next turn, an inaudible marker or the end of the file.',
  check({ transcript, turnAnnotations }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    const report = (speakerText: string, speech: Span, cutBy: Annotation | null) => {
      const range = lastWords(text, speech);
      const quote = text.slice(range.start, range.end).replace(/\s+/g, ' ');
      const how = cutBy
        ? `is cut off by ${text.slice(cutBy.span.start, cutBy.span.end)}`
        : endsInsideQuotation(text, speech)
          ? 'ends inside a quotation'
          : 'ends mid-sentence';
      findings.push({ span: range, message: `${speakerText} ${how}: "…${quote}"` });
    };
    for (const turn of transcript.turns) {
      const parts = bodyParts(text, turn, turnAnnotations[turn.index]);
      const speakerText = `${capitalise(speakerName(turn))}'s turn`;
      // A speech part right before an inaudible marker standing on its own line: cut off mid-turn.
      for (let i = 1; i < parts.length - 1; i++) {
        const part = parts[i];
        const before = parts[i - 1];
        if (part.kind === 'annotation' && part.annotation.kind === 'inaudible' && before.kind === 'speech' && isAloneOnLine(text, part.annotation) && !endsSentence(text, before.span)) {
          report(speakerText, before.span, part.annotation);
        }
      }
      // The end of the turn, looking past trailing sound annotations such as `(Applause)`.
      let last = parts.length - 1;
      while (last >= 0 && parts[last].kind === 'annotation' && (parts[last] as { annotation: Annotation }).annotation.kind !== 'inaudible') last--;
      if (last < 0) continue;
      const final = parts[last];
      if (final.kind === 'speech') {
        if (!endsSentence(text, final.span)) report(speakerText, final.span, null);
      } else {
        const before = parts[last - 1];
        if (before?.kind === 'speech' && !endsSentence(text, before.span)) report(speakerText, before.span, final.annotation);
      }
    }
    return findings;
  },
};

function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
