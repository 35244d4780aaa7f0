import type { Annotation, Span, Transcript, Turn } from './model';

/** A piece of a turn's body in order: spoken text between annotations, or an annotation. */
export type BodyPart = { kind: 'speech'; span: Span } | { kind: 'annotation'; annotation: Annotation };

/** Annotations of each turn, indexed once per transcript. */
export function annotationsByTurn(transcript: Transcript): Annotation[][] {
  const byTurn: Annotation[][] = transcript.turns.map(() => []);
  for (const annotation of transcript.annotations) {
    if (annotation.turn >= 0) byTurn[annotation.turn].push(annotation);
  }
  return byTurn;
}

/** Index of the first item (in document order) that starts at or after an offset; the length if none. */
export function firstStartingAtOrAfter(items: readonly { span: Span }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the last turn that starts at or before an offset; -1 before the first turn (the header). */
export function turnIndexAt(turns: readonly Turn[], offset: number): number {
  return firstStartingAtOrAfter(turns, offset + 1) - 1;
}

/** Each stretch of speech of some turns, with its text: what word-level rules read. */
export function* speechOf(text: string, turns: readonly Turn[], annotationsOf: (turn: Turn) => Annotation[]): Generator<{ turn: Turn; span: Span; speech: string }> {
  for (const turn of turns) {
    for (const part of bodyParts(text, turn, annotationsOf(turn))) {
      if (part.kind === 'speech') yield { turn, span: part.span, speech: text.slice(part.span.start, part.span.end) };
    }
  }
}

/**
 * The annotations standing in one turn, found by binary search in the transcript's sorted list:
 * no per-analysis index, so an edit that re-checks three turns does not rebuild one for 30,000.
 */
export function annotationsOfTurn(transcript: Transcript, turn: Turn): Annotation[] {
  const { annotations } = transcript;
  const found: Annotation[] = [];
  for (let i = firstStartingAtOrAfter(annotations, turn.span.start); i < annotations.length && annotations[i].turn === turn.index; i++) found.push(annotations[i]);
  return found;
}

/** Splits a turn's body into speech and annotations; speech parts are trimmed and non-empty. */
export function bodyParts(text: string, turn: Turn, annotations: readonly Annotation[]): BodyPart[] {
  const parts: BodyPart[] = [];
  let cursor = turn.body.start;
  const pushSpeech = (end: number) => {
    let start = cursor;
    let stop = end;
    while (start < stop && /\s/.test(text.charAt(start))) start++;
    while (stop > start && /\s/.test(text.charAt(stop - 1))) stop--;
    if (start < stop) parts.push({ kind: 'speech', span: { start, end: stop } });
  };
  for (const annotation of annotations) {
    if (annotation.span.start < turn.body.start || annotation.span.end > turn.body.end) continue;
    pushSpeech(annotation.span.start);
    parts.push({ kind: 'annotation', annotation });
    cursor = annotation.span.end;
  }
  pushSpeech(turn.body.end);
  return parts;
}

/** How a speaker is named in messages: the label as written, or "Unidentified speaker". */
export function speakerName(turn: Turn): string {
  return turn.label ? turn.label.raw : 'unidentified speaker';
}

/** The first words of a text, for messages and outline details. */
export function firstWords(text: string, maxLength = 50): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= maxLength) return collapsed;
  const cut = collapsed.lastIndexOf(' ', maxLength);
  return `${collapsed.slice(0, cut > maxLength / 2 ? cut : maxLength)}…`;
}

/** The span of the last few words of a span (at most 80 characters), for a diagnostic range and a quotation. */
export function lastWords(text: string, span: Span, count = 4): Span {
  const limit = Math.max(span.start, span.end - 80);
  let start = span.end;
  // Walk back word by word within the line: a regex anchored at `$` would retry from every character.
  for (let words = 0; words < count && start > limit; words++) {
    while (start > limit && !isBlankOrBreak(text.charCodeAt(start - 1))) start--;
    let gap = start;
    while (gap > limit && (text.charCodeAt(gap - 1) === 32 || text.charCodeAt(gap - 1) === 9)) gap--;
    const lineBreakBefore = gap > limit && isBlankOrBreak(text.charCodeAt(gap - 1));
    if (words + 1 === count || gap === start || gap <= limit || lineBreakBefore) break;
    start = gap;
  }
  return { start, end: span.end };
}

function isBlankOrBreak(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

// A spoken word: letters, marks and digits, with inner apostrophes or hyphens (`don't`, `Ban Ki‑moon`).
const SPOKEN_WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * The words spoken in a transcript, in order: the text of every turn outside its marker, label and
 * annotations. Header, labels, annotations, dashes and punctuation are not spoken words, so a fix
 * or a formatter that only touches those leaves this list unchanged.
 */
export function spokenWords(transcript: Transcript): string[] {
  const { text } = transcript;
  const byTurn = annotationsByTurn(transcript);
  const words: string[] = [];
  for (const turn of transcript.turns) for (const word of spokenWordsOfTurn(text, turn, byTurn[turn.index])) words.push(word);
  return words;
}

/** The words spoken in one turn (`annotations`: the turn's own). */
export function spokenWordsOfTurn(text: string, turn: Turn, annotations: readonly Annotation[]): string[] {
  const words: string[] = [];
  for (const part of bodyParts(text, turn, annotations)) {
    if (part.kind !== 'speech') continue;
    for (const match of text.slice(part.span.start, part.span.end).matchAll(SPOKEN_WORD)) words.push(match[0]);
  }
  return words;
}

/** The words of a stretch of speech, as `spokenWords` reads them. */
export function wordsOfSpeech(speech: string): string[] {
  return speech.match(SPOKEN_WORD) ?? [];
}

/** Number of spoken words in a stretch of speech, counted as `spokenWords` counts them. */
export function countSpokenWords(speech: string): number {
  return speech.match(SPOKEN_WORD)?.length ?? 0;
}
