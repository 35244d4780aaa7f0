// Annotations (bracketed non-speech: sounds, inaudible markers, captioner's notes) and timestamps.
// An inaudible marker is recognised by what it says (hearing, audio, microphone, connection, being
// unclear), not only by the lexicon; Markdown links and emphasis are looked through.
import { detached } from '../detached';
import { isInaudibleTerm, isNoteTerm, isSoundTerm, normaliseTerm, readsAsLostContent } from '../lexicon';
import type { Annotation, AnnotationKind, Timestamp, Turn } from '../model';
import { skipWhitespace, trimEndOffset, type Line } from './lines';

// Longer bracketed content cannot be a lexicon term; only a group alone on its line can still be a note.
const MAX_TERM_LENGTH = 120;
const BRACKET_CLOSE: Record<string, string> = { '(': ')', '[': ']' };
const TIMESTAMP_LINE = /^[ \t]*(\[\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?\]|\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[AaPp]\.?[Mm]\.?))[ \t]*$/;
// What may stand before an annotation alone on its line (Markdown emphasis or quoting), and after it.
const BEFORE_ALONE = /^[\s*_]*$/;
const MARKER_BEFORE = /^[\s>]*(?:[*_]*\p{L}[^:()[\]]{0,58}:[*_]*)?\s*$/u;
const SENTENCE_BEFORE = /[.?!\u2026]["'\u201d\u2019]?\s+$/;
const AFTER_ALONE = /^[*_]*[\s.,;:!?-]{0,3}[*_]*$/;

export function findTimestamps(text: string, lines: readonly Line[]): Timestamp[] {
  const timestamps: Timestamp[] = [];
  for (const line of lines) {
    if (line.end - line.start > 24) continue;
    const match = TIMESTAMP_LINE.exec(text.slice(line.start, line.end));
    if (match) {
      const start = line.start + match[0].indexOf(match[1]);
      timestamps.push({ span: { start, end: start + match[1].length }, text: detached(match[1]) });
    }
  }
  return timestamps;
}

export function findAnnotations(text: string, lines: readonly Line[], turns: readonly Turn[], inaudibleTerms: ReadonlySet<string>, timestamps: readonly Timestamp[]): Annotation[] {
  const annotations: Annotation[] = [];
  const excluded = new Set(timestamps.map((timestamp) => timestamp.span.start));
  let turnCursor = -1;
  for (const line of lines) {
    const contentStart = skipWhitespace(text, line.start, line.end);
    const contentEnd = trimEndOffset(text, contentStart, line.end);
    // The first closing bracket after the last search, per kind: keeps runs of `((((` linear.
    const closeAfter: Record<string, number> = { '(': -2, '[': -2 };
    let position = contentStart;
    while (position < contentEnd) {
      const open = nextBracket(text, position, contentEnd);
      if (open === -1) break;
      position = open + 1;
      if (excluded.has(open)) continue;
      const bracket = text.charAt(open) as '(' | '[';
      if (closeAfter[bracket] !== -1 && closeAfter[bracket] <= open) {
        closeAfter[bracket] = indexOfWithin(text, BRACKET_CLOSE[bracket], open + 1, contentEnd);
      }
      const close = closeAfter[bracket];
      const closed = close !== -1;
      const spanEnd = closed ? close + 1 : contentEnd;
      // A Markdown link `[Slides](https://…)` and its address are neither annotations nor speech markers.
      if (bracket === '[' && closed && text.charCodeAt(spanEnd) === 40 /* ( */) {
        position = spanEnd;
        continue;
      }
      if (bracket === '(' && /^(?:https?:\/\/|www\.|mailto:|#)/i.test(text.slice(open + 1, open + 9))) continue;
      // A Markdown escape (`\[laughs\]`) belongs to the annotation, not to the speech around it.
      const escaped = open > contentStart && text.charCodeAt(open - 1) === 92; /* \\ */
      const innerEnd = closed ? (text.charCodeAt(close - 1) === 92 ? close - 1 : close) : contentEnd;
      const spanStart = escaped ? open - 1 : open;
      // Alone on its line, or the whole of a turn after its marker and label (`> > [ Discussion ]`,
      // `MM: (presents slides)`), or closing the line after a finished sentence (`… forward. (doorbell)`).
      const before = text.slice(contentStart, spanStart);
      const alone = AFTER_ALONE.test(text.slice(spanEnd, contentEnd)) && (BEFORE_ALONE.test(before) || MARKER_BEFORE.test(before) || SENTENCE_BEFORE.test(before));
      const rawContent = innerEnd - open <= MAX_TERM_LENGTH ? text.slice(open + 1, innerEnd) : '';
      // `[...]` marks words left out: lost to the reader as an `(inaudible)` is.
      const elided = /^\s*(?:\.{3}|\u2026)\s*$/.test(rawContent);
      const kind = elided ? 'inaudible' : classifyAnnotation(normaliseTerm(rawContent.replace(/[*_]+/g, ' ')), alone, inaudibleTerms);
      // An unclosed bracket counts only at a line start; mid-line it is speech that wraps.
      if (kind === null || (!closed && spanStart !== contentStart)) continue;
      while (turnCursor + 1 < turns.length && turns[turnCursor + 1].span.start <= spanStart) turnCursor++;
      const content = (rawContent || text.slice(open + 1, Math.min(innerEnd, open + 1 + MAX_TERM_LENGTH))).trim().replace(/[\s.,;:!]+$/, '');
      annotations.push({ kind, span: { start: spanStart, end: spanEnd }, content: detached(content), bracket, closed, turn: turnCursor });
      position = spanEnd;
    }
  }
  return annotations;
}

function indexOfWithin(text: string, search: string, from: number, to: number): number {
  const code = search.charCodeAt(0);
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function nextBracket(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40 /* ( */ || ch === 91 /* [ */) return i;
  }
  return -1;
}

function classifyAnnotation(content: string, alone: boolean, inaudibleTerms: ReadonlySet<string>): AnnotationKind | null {
  if (isInaudibleTerm(content, inaudibleTerms) || readsAsLostContent(content, alone)) return 'inaudible';
  if (isNoteTerm(content)) return 'note';
  if (isSoundTerm(content)) return 'sound';
  return alone ? 'note' : null;
}
