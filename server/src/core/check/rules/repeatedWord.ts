import { speakerName, speechOf } from '../../speech';
import type { TurnRule, RuleFinding } from './rule';

/** Words English doubles on purpose: `that that`, `had had`, `what it is is`, `very very`, `bye bye`. */
export const GRAMMATICAL_DOUBLES: ReadonlySet<string> = new Set([
  'that',
  'had',
  'is',
  'do',
  'very',
  'really',
  'so',
  'no',
  'yes',
  'yeah',
  'okay',
  'ok',
  'bye',
  'ha',
  'blah',
  'bla',
  'hear',
  'there',
  'now',
  'well',
  'many',
  'far',
  'please',
  'sorry',
  'tut',
  'knock',
  'chop',
  'choo',
  'boo',
  // A phrasal verb before its preposition: `going on on the Internet`.
  'on',
]);

/** One repeat in a stretch of speech: offsets are into that speech. */
export interface RepeatedWord {
  index: number;
  first: string;
  gap: string;
  second: string;
}

// What a character is to a word, as bits: it continues a word; it is a letter (words start with one);
// it may stand in a repeatable word (letters, marks, apostrophes: a word holding digits or hyphens,
// `1 1` or page numbers of PDF text, is never a repeat).
const PART = 1;
const LETTER = 2;
const REPEATABLE = 4;
const WORD_PART = /[\p{L}\p{M}\p{N}'\u2019\u2011-]/u;
const LETTER_CLASS = /\p{L}/u;
const REPEATABLE_CLASS = /[\p{L}\p{M}'\u2019]/u;

function classify(code: number): number {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return PART | LETTER | REPEATABLE;
    if (code === 39) return PART | REPEATABLE;
    return (code >= 48 && code <= 57) || code === 45 ? PART : 0;
  }
  const char = String.fromCodePoint(code);
  if (!WORD_PART.test(char)) return 0;
  return PART | (LETTER_CLASS.test(char) ? LETTER : 0) | (REPEATABLE_CLASS.test(char) ? REPEATABLE : 0);
}

/**
 * A word, white space within a paragraph (at most one line break), and the same word again in any
 * case. A scan over the words, not a regex with a back-reference: that one tries every word of a
 * 10 MB file against its neighbour at regex speed.
 */
export function findRepeatedWords(speech: string): RepeatedWord[] {
  const repeats: RepeatedWord[] = [];
  let previousStart = -1;
  let previousEnd = -1;
  let i = 0;
  while (i < speech.length) {
    const code = speech.codePointAt(i)!;
    const kind = classify(code);
    if (kind === 0) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let repeatable = (kind & LETTER) !== 0;
    while (i < speech.length) {
      const partCode = speech.codePointAt(i)!;
      const partKind = classify(partCode);
      if (partKind === 0) break;
      repeatable &&= (partKind & REPEATABLE) !== 0;
      i += partCode > 0xffff ? 2 : 1;
    }
    if (!repeatable) {
      previousStart = -1;
      continue;
    }
    if (previousStart >= 0 && isWordGap(speech, previousEnd, start) && sameWord(speech.slice(previousStart, previousEnd), speech.slice(start, i))) {
      repeats.push({ index: previousStart, first: speech.slice(previousStart, previousEnd), gap: speech.slice(previousEnd, start), second: speech.slice(start, i) });
      // The second word is used up: `the the the` is one repeat, as a regex scan reads it.
      previousStart = -1;
      continue;
    }
    previousStart = start;
    previousEnd = i;
  }
  return repeats;
}

/** Blanks within a paragraph: spaces, tabs and no-break spaces with at most one line break. */
function isWordGap(speech: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const char = speech.charAt(i);
    if (char === '\n') breaks++;
    else if (char === '\r' && speech.charAt(i + 1) === '\n' && i + 1 < to) continue;
    else if (char !== ' ' && char !== '\t' && char !== '\u00a0') return false;
  }
  return breaks <= 1;
}

function sameWord(first: string, second: string): boolean {
  return first.length === second.length && (first === second || first.toLowerCase() === second.toLowerCase());
}

export const repeatedWordRule: TurnRule<'repeated-word'> = {
  code: 'repeated-word',
  defaultSeverity: 'warning',
  description: 'The same word twice in a row (`the the`), except grammatical doubles such as `that that` or `had had`.',
  cheap: false,
  settings: ['dashStyle'],
  example: '`head of team team`',
  quickFixes: 'drop the repeated word; keep both as a false start `team -- team`',
  scope: 'turn',
  check({ transcript, turns, annotationsOf, settings }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    for (const { turn, span, speech } of speechOf(text, turns, annotationsOf)) {
      for (const { index, first, gap, second } of findRepeatedWords(speech)) {
        if (GRAMMATICAL_DOUBLES.has(first.toLowerCase())) continue;
        const whole = first + gap + second;
        const start = span.start + index;
        const secondStart = start + first.length + gap.length;
        findings.push({
          span: { start, end: start + whole.length },
          message: `Repeated word "${first} ${second}" in ${speakerName(turn)}'s turn.`,
          fixes: [
            {
              title: `Drop the repeated "${second}"`,
              edits: [{ span: { start: start + first.length, end: secondStart + second.length }, newText: '' }],
              safe: false,
              preferred: true,
            },
            {
              title: `Keep both as a false start: "${first} ${settings.dashStyle} ${second}"`,
              edits: [{ span: { start: start + first.length, end: secondStart }, newText: ` ${settings.dashStyle} ` }],
              safe: false,
            },
          ],
        });
      }
    }
    return findings;
  },
};
