import { speakerName, speechOf } from '../../speech';
import type { TurnRule, RuleFinding } from './rule';

const BEFORE_GAP = /[\p{L}\p{M}\p{N}]/u;
const AFTER_GAP = /[\p{L}\p{N}]/u;

/** A run of spaces in a stretch of speech: offsets are into that speech. */
export interface SpaceRun {
  index: number;
  length: number;
}

/**
 * Two to four spaces with a word character on both sides. Punctuation before the gap (`Thank you.  Next`,
 * `Gentlemen,  I`) is the captioning convention or a typo, not a lost dash; five or more spaces is layout.
 * A scan for runs of spaces: a regex with a look-behind is tried at every character of the file.
 */
export function findLostDashGaps(speech: string): SpaceRun[] {
  const gaps: SpaceRun[] = [];
  let i = 0;
  while (i < speech.length) {
    const code = speech.charCodeAt(i);
    if (code !== 32 && code !== 0xa0) {
      i++;
      continue;
    }
    const start = i;
    while (i < speech.length && (speech.charCodeAt(i) === 32 || speech.charCodeAt(i) === 0xa0)) i++;
    const length = i - start;
    if (
      length >= 2 &&
      length <= 4 &&
      start > 0 &&
      i < speech.length &&
      BEFORE_GAP.test(characterBefore(speech, start)) &&
      AFTER_GAP.test(String.fromCodePoint(speech.codePointAt(i)!))
    ) {
      gaps.push({ index: start, length });
    }
  }
  return gaps;
}

/** The character (a whole surrogate pair where there is one) that ends just before `index`. */
function characterBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.charAt(index - 1);
}
const WORD_BEFORE = /[\p{L}\p{M}\p{N}'\u2019]+$/u;
const WORD_AFTER = /^[\p{L}\p{M}\p{N}'\u2019]+/u;

export const lostDashRule: TurnRule<'lost-dash'> = {
  code: 'lost-dash',
  defaultSeverity: 'hint',
  description: 'Two to four spaces between words inside a sentence: probably a lost dash.',
  cheap: false,
  settings: ['dashStyle'],
  example: '`I want that    shad`',
  quickFixes: 'insert the configured dash; single space',
  scope: 'turn',
  check({ transcript, turns, annotationsOf, settings }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    for (const { turn, span, speech } of speechOf(text, turns, annotationsOf)) {
      for (const gap of findLostDashGaps(speech)) {
        const gapStart = span.start + gap.index;
        const gapEnd = gapStart + gap.length;
        const before = WORD_BEFORE.exec(speech.slice(Math.max(0, gap.index - 40), gap.index))?.[0] ?? '';
        const after = WORD_AFTER.exec(speech.slice(gap.index + gap.length, gap.index + gap.length + 40))?.[0] ?? '';
        findings.push({
          span: { start: gapStart - before.length, end: gapEnd + after.length },
          message: `${gap.length} spaces between "${before}" and "${after}" in ${speakerName(turn)}'s turn: probably a lost dash.`,
          fixes: [
            // Inserting a dash asserts an interruption and collapsing erases the evidence: both are the editor's call, so neither is in fix-all.
            {
              title: `Insert "${settings.dashStyle}" for the lost dash`,
              edits: [{ span: { start: gapStart, end: gapEnd }, newText: ` ${settings.dashStyle} ` }],
              safe: false,
              preferred: true,
            },
            { title: 'Replace with a single space', edits: [{ span: { start: gapStart, end: gapEnd }, newText: ' ' }], safe: false },
          ],
        });
      }
    }
    return findings;
  },
};
