// Turns from markers: a turn runs from its marker to the next marker, or to a heading that ends it
// (a section heading is structure, not speech of the turn before).
import type { Span, Turn } from '../model';
import { skipWhitespace, trimEndOffset, type Line } from './lines';
import type { MarkerCandidate } from './markers';

/**
 * Turns from markers; the last one runs to `end` (the next marker, or the end of the text).
 * `barriers` are the sorted starts of headings that end the turn they stand in.
 */
export function buildTurns(text: string, lines: readonly Line[], markers: readonly MarkerCandidate[], end: number, barriers: readonly number[] = []): Turn[] {
  const turns: Turn[] = [];
  let lineIndex = 0;
  let barrier = 0;
  for (let i = 0; i < markers.length; i++) {
    const marker = markers[i];
    let limit = i + 1 < markers.length ? markers[i + 1].start : end;
    while (barrier < barriers.length && barriers[barrier] <= marker.start) barrier++;
    if (barrier < barriers.length && barriers[barrier] < limit) limit = barriers[barrier];
    const turnEnd = trimEndOffset(text, marker.start, limit);
    const afterLabel = marker.label ? Math.max(marker.end, marker.labelEnd ?? 0, (marker.label.colon ?? marker.label.span).end) : marker.end;
    const bodyStart = skipWhitespace(text, Math.min(afterLabel, turnEnd), turnEnd);
    const body = { start: bodyStart, end: Math.max(bodyStart, turnEnd) };
    while (lineIndex + 1 < lines.length && lines[lineIndex + 1].start <= body.start) lineIndex++;
    turns.push({
      index: i,
      span: { start: marker.start, end: Math.max(turnEnd, marker.start) },
      marker: { start: marker.start, end: marker.end },
      markerKind: marker.kind,
      label: marker.label,
      body,
      paragraphs: splitParagraphs(text, lines, lineIndex, body),
      flattened: marker.flattened,
    });
  }
  return turns;
}

/** Non-blank runs of lines within a span; a line holding only white space separates paragraphs. */
function splitParagraphs(text: string, lines: readonly Line[], firstLine: number, body: Span): Span[] {
  const paragraphs: Span[] = [];
  if (body.start >= body.end) return paragraphs;
  let current: Span | null = null;
  for (let l = firstLine; l < lines.length && lines[l].start < body.end; l++) {
    const start = Math.max(lines[l].start, body.start);
    const end = Math.min(lines[l].end, body.end);
    const contentStart = skipWhitespace(text, start, end);
    if (contentStart >= end) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const contentEnd = trimEndOffset(text, contentStart, end);
    if (current) current.end = contentEnd;
    else current = { start: contentStart, end: contentEnd };
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}
