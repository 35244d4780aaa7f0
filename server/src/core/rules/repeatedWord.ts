import { bodyParts, speakerName } from '../speech';
import type { Rule, RuleFinding } from './rule';

/** Words English doubles on purpose: `that that`, `had had`, `what it is is`, `very very`, `bye bye`. */
export const GRAMMATICAL_DOUBLES: ReadonlySet<string> = new Set([
  'that', 'had', 'is', 'do', 'very', 'really', 'so', 'no', 'yes', 'yeah', 'okay', 'ok', 'bye', 'ha', 'blah', 'bla',
  'hear', 'there', 'now', 'well', 'many', 'far', 'please', 'sorry', 'tut', 'knock', 'chop', 'choo', 'boo',
  // A phrasal verb before its preposition: `going on on the Internet`.
  'on',
]);

// A word, white space within a paragraph (at most one line break), and the same word again in any case.
// Words holding digits (`1 1`, page numbers of PDF text) are never repeats.
const REPEATED_WORD = /(?<![\p{L}\p{M}\p{N}'\u2019\u2011-])(\p{L}[\p{L}\p{M}'\u2019]*)([ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*)(\1)(?![\p{L}\p{M}\p{N}'\u2019\u2011-])/giu;

export const repeatedWordRule: Rule = {
  code: 'repeated-word',
  defaultSeverity: 'warning',
  description: 'The same word twice in a row (`the the`), except grammatical doubles such as `that that` or `had had`.',
  scope: 'turn',
  check({ transcript, turns, annotationsOf, settings }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    for (const turn of turns) {
      for (const part of bodyParts(text, turn, annotationsOf(turn))) {
        if (part.kind !== 'speech') continue;
        const speech = text.slice(part.span.start, part.span.end);
        for (const match of speech.matchAll(REPEATED_WORD)) {
          const [whole, first, gap, second] = match;
          if (GRAMMATICAL_DOUBLES.has(first.toLowerCase())) continue;
          const start = part.span.start + match.index;
          const secondStart = start + first.length + gap.length;
          findings.push({
            span: { start, end: start + whole.length },
            message: `Repeated word "${first} ${second}" in ${speakerName(turn)}'s turn.`,
            fixes: [
              { title: `Drop the repeated "${second}"`, edits: [{ span: { start: start + first.length, end: secondStart + second.length }, newText: '' }], safe: false, preferred: true },
              { title: `Keep both as a false start: "${first} ${settings.dashStyle} ${second}"`, edits: [{ span: { start: start + first.length, end: secondStart }, newText: ` ${settings.dashStyle} ` }], safe: false },
            ],
          });
        }
      }
    }
    return findings;
  },
};
