import type { Span, Transcript, Turn } from '../model';
import { firstWords } from '../speech';

export type OutlineKind = 'header' | 'section' | 'run' | 'turn';

export interface OutlineEntry {
  kind: OutlineKind;
  name: string;
  detail: string;
  span: Span;
  /** What the editor selects and reveals: the label, or the marker of an unlabelled turn. */
  selectionSpan: Span;
  children: OutlineEntry[];
}

export interface Outline {
  entries: OutlineEntry[];
  /** Entries left out because of the limit (0 when the outline is complete). */
  omitted: number;
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

/** Hands out entries until the limit is reached, then counts what it could not give. */
class EntryBudget {
  omitted = 0;
  constructor(private remaining: number) {}

  take(count = 1): boolean {
    if (this.remaining >= count) {
      this.remaining -= count;
      return true;
    }
    this.omitted += count;
    return false;
  }
}

/**
 * Turns in order, consecutive turns of one speaker gathered under that speaker (`CHAIR`, 3 turns)
 * so that a monologue broken by applause reads as one entry.
 */
function turnEntries(transcript: Transcript, from: number, to: number, budget: EntryBudget): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let i = from;
  while (i < to) {
    const speaker = speakerOf(transcript.turns[i]);
    let runEnd = i + 1;
    while (runEnd < to && speakerOf(transcript.turns[runEnd]) === speaker) runEnd++;
    if (runEnd - i === 1) {
      if (budget.take()) entries.push(turnEntry(transcript, transcript.turns[i]));
    } else if (budget.take()) {
      const children: OutlineEntry[] = [];
      for (let t = i; t < runEnd; t++) if (budget.take()) children.push(turnEntry(transcript, transcript.turns[t]));
      const first = transcript.turns[i];
      entries.push({
        kind: 'run',
        name: turnName(first),
        detail: `${runEnd - i} turns`,
        span: { start: first.span.start, end: transcript.turns[runEnd - 1].span.end },
        selectionSpan: first.label ? first.label.span : first.marker,
        children,
      });
    } else {
      budget.take(runEnd - i);
    }
    i = runEnd;
  }
  return entries;
}

/** Unidentified turns are never one run: each may be a different person. */
function speakerOf(turn: Turn): string | number {
  return turn.label ? turn.label.speaker : -turn.index - 1;
}

/**
 * The header first, then the turns in order; turns after a `>>>` or timestamp nest under that
 * section, consecutive turns of one speaker under that speaker. At most `maxItems` entries.
 */
export function outlineOf(transcript: Transcript, maxItems = Number.POSITIVE_INFINITY): Outline {
  const budget = new EntryBudget(maxItems);
  const entries: OutlineEntry[] = [];
  const { header, turns, sections } = transcript;
  if (header && budget.take()) {
    entries.push({ kind: 'header', name: header.title ?? '(header)', detail: 'header', span: header.span, selectionSpan: header.titleSpan ?? header.span, children: [] });
  }
  // A loop, not `push(...)`: spreading 100,000+ entries as arguments overflows the stack.
  for (const entry of turnEntries(transcript, 0, sections[0]?.firstTurn ?? turns.length, budget)) entries.push(entry);
  sections.forEach((section, i) => {
    const first = section.firstTurn;
    const end = sections[i + 1]?.firstTurn ?? turns.length;
    if (!budget.take()) {
      budget.take(end - first);
      return;
    }
    const children = turnEntries(transcript, first, end, budget);
    const spanEnd = end > first ? Math.max(section.span.end, turns[end - 1].span.end) : section.span.end;
    const spanStart = end > first ? Math.min(section.span.start, turns[first].span.start) : section.span.start;
    entries.push({ kind: 'section', name: section.title, detail: `${end - first} turns`, span: { start: spanStart, end: spanEnd }, selectionSpan: section.span, children });
  });
  return { entries, omitted: budget.omitted };
}

/** Spans an editor can fold: the header and every turn (the editor ignores single-line ones). */
export function foldingSpans(transcript: Transcript): Span[] {
  const spans: Span[] = [];
  if (transcript.header) spans.push(transcript.header.span);
  for (const turn of transcript.turns) spans.push(turn.span);
  return spans;
}
