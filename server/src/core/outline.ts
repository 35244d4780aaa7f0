import type { Span, Transcript, Turn } from './model';
import { firstWords } from './speech';

export type OutlineKind = 'header' | 'section' | 'turn';

export interface OutlineEntry {
  kind: OutlineKind;
  name: string;
  detail: string;
  span: Span;
  /** What the editor selects and reveals: the label, or the marker of an unlabelled turn. */
  selectionSpan: Span;
  children: OutlineEntry[];
}

export const UNIDENTIFIED = '(unidentified)';

export function turnName(turn: Turn): string {
  return turn.label ? turn.label.raw : UNIDENTIFIED;
}

function turnEntry(transcript: Transcript, turn: Turn): OutlineEntry {
  const bodyHead = transcript.text.slice(turn.body.start, Math.min(turn.body.end, turn.body.start + 200));
  return {
    kind: 'turn',
    name: turnName(turn),
    detail: firstWords(bodyHead, 60),
    span: turn.span,
    selectionSpan: turn.label ? turn.label.span : turn.marker,
    children: [],
  };
}

/** The header first, then every turn in order; turns after a `>>>` or timestamp nest under that section. */
export function outlineOf(transcript: Transcript): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const { header, turns, sections } = transcript;
  if (header) {
    const span = header.titleSpan ?? header.span;
    entries.push({ kind: 'header', name: header.title ?? '(header)', detail: 'header', span: header.span, selectionSpan: span, children: [] });
  }
  let turnIndex = 0;
  for (; turnIndex < (sections[0]?.firstTurn ?? turns.length); turnIndex++) entries.push(turnEntry(transcript, turns[turnIndex]));
  sections.forEach((section, i) => {
    const end = sections[i + 1]?.firstTurn ?? turns.length;
    const children: OutlineEntry[] = [];
    for (; turnIndex < end; turnIndex++) children.push(turnEntry(transcript, turns[turnIndex]));
    const lastChild = children[children.length - 1];
    const spanEnd = Math.max(section.span.end, lastChild ? lastChild.span.end : section.span.end);
    entries.push({ kind: 'section', name: section.title, detail: `${children.length} turns`, span: { start: Math.min(section.span.start, children[0]?.span.start ?? section.span.start), end: spanEnd }, selectionSpan: section.span, children });
  });
  return entries;
}

/** Spans an editor can fold: the header and every turn (the editor ignores single-line ones). */
export function foldingSpans(transcript: Transcript): Span[] {
  const spans: Span[] = [];
  if (transcript.header) spans.push(transcript.header.span);
  for (const turn of transcript.turns) spans.push(turn.span);
  return spans;
}
