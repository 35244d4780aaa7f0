// Sections: `>>>` turns, timestamps, and headings inside the text. A heading is a Markdown `#` line,
// or a short line standing alone that opens with a heading word and has no sentence punctuation
// (`Session 1: Opening remarks`, `Closing session`, `Item 4 - Budget`) with a turn right after it.
// Headings are structure: they end the turn before them and start a section in the outline.
import { detached } from '../detached';
import type { Section, Span, Timestamp, Turn } from '../model';
import { shortenTitle } from './header';
import { startsWithHeadingWord } from './labels';
import { skipIndent, trimEndOffset, type Line } from './lines';

export interface Heading {
  /** The heading's text on its line, `#` marks included. */
  span: Span;
  title: string;
  /** A Markdown `#` heading: structure wherever it stands. */
  markdown: boolean;
}

const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const LABEL_HEADING = /^[*_]*[^:]{1,60}:[*_:]*$/;
const HEADING_MAX_LENGTH = 70;
const HEADING_MAX_WORDS = 9;

/** Heading candidates among some lines; plain ones still need a turn after them (`confirmHeadings`). */
export function findHeadings(text: string, lines: readonly Line[], previousLineBlank: boolean): Heading[] {
  const headings: Heading[] = [];
  let blankBefore = previousLineBlank;
  for (const line of lines) {
    const start = skipIndent(text, line.start, line.end);
    const end = trimEndOffset(text, start, line.end);
    if (start >= end) {
      blankBefore = true;
      continue;
    }
    const content = text.slice(start, Math.min(end, start + 200));
    const markdown = MARKDOWN_HEADING.exec(content);
    // `### Audrey Tang:` is a label above its speech, not a heading (markers.ts reads it).
    if (markdown && markdown[2].length > 0 && !LABEL_HEADING.test(markdown[2])) {
      headings.push({ span: { start, end }, title: detached(shortenTitle(markdown[2].replace(/(\*\*|__)(.+?)\1/g, '$2'))), markdown: true });
    } else if (blankBefore && end - start <= HEADING_MAX_LENGTH && !markdown) {
      // Emphasis and Markdown escapes are not words: `**Break:** \[16:37\]`.
      const plain = content.replace(/\*\*|__|\\/g, '').trim();
      if (startsWithHeadingWord(plain) && !/[.?!,;]$/.test(plain) && plain.split(/\s+/).length <= HEADING_MAX_WORDS && !/^[([]/.test(plain)) {
        headings.push({ span: { start, end }, title: detached(shortenTitle(plain)), markdown: false });
      }
    }
    blankBefore = false;
  }
  return headings;
}

/**
 * The headings that stand inside the text, after the first turn: Markdown ones, and plain ones
 * followed (after blank lines) by the start of a turn.
 */
export function confirmHeadings(text: string, headings: readonly Heading[], turnStarts: readonly number[]): Heading[] {
  if (turnStarts.length === 0) return [];
  return headings.filter((heading) => {
    if (heading.span.start <= turnStarts[0]) return false;
    if (heading.markdown) return true;
    const next = firstAtOrAfter(turnStarts, heading.span.end);
    if (next === turnStarts.length) return false;
    for (let i = heading.span.end; i < turnStarts[next]; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13 && ch !== 0xa0) return false;
    }
    return true;
  });
}

function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function buildSections(text: string, turns: readonly Turn[], timestamps: readonly Timestamp[], headings: readonly Heading[]): Section[] {
  const sections: Section[] = [];
  const marks: { start: number; make: (firstTurn: number) => Section | null }[] = [];
  for (const timestamp of timestamps) {
    // A bare time in the header (`7:00 P.M.` under the title) dates the event and heads no
    // section; a bracketed elapsed time (`[00:02:21]`) is a video platform's section mark.
    marks.push({
      start: timestamp.span.start,
      make: (firstTurn) => (firstTurn > 0 || timestamp.text.startsWith('[') ? { span: timestamp.span, title: timestamp.text, firstTurn } : null),
    });
  }
  for (const heading of headings) marks.push({ start: heading.span.start, make: (firstTurn) => ({ span: heading.span, title: heading.title, firstTurn }) });
  for (const turn of turns) {
    if (turn.markerKind !== 'section') continue;
    const title = shortenTitle(text.slice(turn.body.start, turn.paragraphs[0]?.end ?? turn.body.end)) || '(section)';
    marks.push({ start: turn.span.start, make: (firstTurn) => ({ span: turn.marker, title: detached(title), firstTurn }) });
  }
  marks.sort((a, b) => a.start - b.start);
  let turnIndex = 0;
  for (const mark of marks) {
    while (turnIndex < turns.length && turns[turnIndex].span.start < mark.start) turnIndex++;
    const section = mark.make(turnIndex);
    if (section) sections.push(section);
  }
  return sections;
}
