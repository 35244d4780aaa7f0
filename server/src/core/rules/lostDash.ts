import { bodyParts, speakerName } from '../speech';
import type { Rule, RuleFinding } from './rule';

// Two to four spaces with a word character on both sides. Punctuation before the gap (`Thank you.  Next`,
// `Gentlemen,  I`) is the captioning convention or a typo, not a lost dash; five or more spaces is layout.
const LOST_DASH = /(?<=[\p{L}\p{M}\p{N}])[ \u00a0]{2,4}(?=[\p{L}\p{N}])/gu;
const WORD_BEFORE = /[\p{L}\p{M}\p{N}'\u2019]+$/u;
const WORD_AFTER = /^[\p{L}\p{M}\p{N}'\u2019]+/u;

export const lostDashRule: Rule = {
  code: 'lost-dash',
  defaultSeverity: 'hint',
  description: 'Two to four spaces between words inside a sentence: probably a lost dash.',
  scope: 'turn',
  check({ transcript, turns, annotationsOf, settings }) {
    const { text } = transcript;
    const findings: RuleFinding[] = [];
    for (const turn of turns) {
      for (const part of bodyParts(text, turn, annotationsOf(turn))) {
        if (part.kind !== 'speech') continue;
        const speech = text.slice(part.span.start, part.span.end);
        for (const match of speech.matchAll(LOST_DASH)) {
          const gapStart = part.span.start + match.index;
          const gapEnd = gapStart + match[0].length;
          const before = WORD_BEFORE.exec(speech.slice(Math.max(0, match.index - 40), match.index))?.[0] ?? '';
          const after = WORD_AFTER.exec(speech.slice(match.index + match[0].length, match.index + match[0].length + 40))?.[0] ?? '';
          findings.push({
            span: { start: gapStart - before.length, end: gapEnd + after.length },
            message: `${match[0].length} spaces between "${before}" and "${after}" in ${speakerName(turn)}'s turn: probably a lost dash.`,
            fixes: [
              // Inserting a dash asserts an interruption and collapsing erases the evidence: both are the editor's call, so neither is in fix-all.
              { title: `Insert "${settings.dashStyle}" for the lost dash`, edits: [{ span: { start: gapStart, end: gapEnd }, newText: ` ${settings.dashStyle} ` }], safe: false, preferred: true },
              { title: 'Replace with a single space', edits: [{ span: { start: gapStart, end: gapEnd }, newText: ' ' }], safe: false },
            ],
          });
        }
      }
    }
    return findings;
  },
};
