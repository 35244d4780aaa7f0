// Speakers as first-class objects: who speaks in a transcript, in which turns, and how much.
// Plain data for hover, references, rename, completion, the statistics request and `verbatim stats`.
import type { Annotation, Span, Transcript, Turn } from './model';
import { annotationsByTurn, bodyParts } from './speech';

// A spoken word: letters or digits, with inner apostrophes or hyphens (`don't`, `co‑organiser`).
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u2010\u2011-][\p{L}\p{N}]+)*/gu;

/** Number of words in a piece of speech. */
export function countWords(speech: string): number {
  return speech.match(WORD)?.length ?? 0;
}

export interface TurnStats {
  turn: number;
  /** Spoken words, annotations excluded. */
  words: number;
  /** Inaudible markers inside the turn. */
  inaudible: number;
}

export interface SpeakerStats {
  /** `speakerKey` of the labels: the speaker's identity. */
  key: string;
  /** The label as most often written (first written on a tie). */
  name: string;
  /** Every spelling of the label in the file, most frequent first. */
  labels: string[];
  /** Indices of the speaker's turns, in document order. */
  turns: number[];
  words: number;
  /** Words as a fraction (0-1) of all spoken words in the file. */
  share: number;
  /** The speaker's turn with the most words (the first of equals). */
  longestTurn: TurnStats;
  inaudible: number;
}

export interface TranscriptStats {
  turns: TurnStats[];
  /** Labelled speakers in order of first appearance. */
  speakers: SpeakerStats[];
  /** Turns with no label, or null when every turn is labelled. */
  unidentified: { turns: number[]; words: number; share: number; inaudible: number } | null;
  totalWords: number;
  /** Every inaudible marker in the file, header included. */
  inaudible: number;
  /** Inaudible markers per 1,000 spoken words (0 for a file without words). */
  inaudiblePer1000Words: number;
}

/** Words and inaudible markers of every turn. */
export function turnStats(transcript: Transcript, turnAnnotations: Annotation[][] = annotationsByTurn(transcript)): TurnStats[] {
  return transcript.turns.map((turn) => {
    let words = 0;
    for (const part of bodyParts(transcript.text, turn, turnAnnotations[turn.index])) {
      if (part.kind === 'speech') words += countWords(transcript.text.slice(part.span.start, part.span.end));
    }
    return { turn: turn.index, words, inaudible: turnAnnotations[turn.index].filter((a) => a.kind === 'inaudible').length };
  });
}

export function transcriptStats(transcript: Transcript, turnAnnotations?: Annotation[][]): TranscriptStats {
  const turns = turnStats(transcript, turnAnnotations);
  const totalWords = turns.reduce((sum, turn) => sum + turn.words, 0);
  const share = (words: number) => (totalWords === 0 ? 0 : words / totalWords);
  const speakers: SpeakerStats[] = [];
  for (const group of speakerGroups(transcript)) {
    const own = group.turns.map((index) => turns[index]);
    const words = own.reduce((sum, turn) => sum + turn.words, 0);
    speakers.push({
      key: group.key,
      name: group.labels[0],
      labels: group.labels,
      turns: group.turns,
      words,
      share: share(words),
      longestTurn: own.reduce((longest, turn) => (turn.words > longest.words ? turn : longest)),
      inaudible: own.reduce((sum, turn) => sum + turn.inaudible, 0),
    });
  }
  const unlabelled = turns.filter((turn) => transcript.turns[turn.turn].label === null);
  const unidentifiedWords = unlabelled.reduce((sum, turn) => sum + turn.words, 0);
  const inaudible = transcript.annotations.filter((annotation) => annotation.kind === 'inaudible').length;
  return {
    turns,
    speakers,
    unidentified:
      unlabelled.length === 0
        ? null
        : { turns: unlabelled.map((turn) => turn.turn), words: unidentifiedWords, share: share(unidentifiedWords), inaudible: unlabelled.reduce((sum, turn) => sum + turn.inaudible, 0) },
    totalWords,
    inaudible,
    inaudiblePer1000Words: totalWords === 0 ? 0 : (inaudible * 1000) / totalWords,
  };
}

export interface SpeakerGroup {
  key: string;
  /** Spellings as written, most frequent first. */
  labels: string[];
  turns: number[];
}

/** Labelled turns grouped by speaker, in order of first appearance. */
export function speakerGroups(transcript: Transcript): SpeakerGroup[] {
  const groups = new Map<string, { turns: number[]; spellings: Map<string, number> }>();
  for (const turn of transcript.turns) {
    if (!turn.label) continue;
    let group = groups.get(turn.label.speaker);
    if (!group) groups.set(turn.label.speaker, (group = { turns: [], spellings: new Map() }));
    group.turns.push(turn.index);
    group.spellings.set(turn.label.raw, (group.spellings.get(turn.label.raw) ?? 0) + 1);
  }
  return [...groups].map(([key, group]) => ({
    key,
    // Map order is first appearance, and the sort is stable: ties keep the first-written spelling first.
    labels: [...group.spellings].sort((a, b) => b[1] - a[1]).map(([label]) => label),
    turns: group.turns,
  }));
}

/** The speaker whose label (or, for a labelled turn, whose marker) contains the offset. */
export function speakerAt(transcript: Transcript, offset: number): string | null {
  const turn = turnWithLabelAt(transcript, offset);
  return turn?.label?.speaker ?? null;
}

/** The labelled turn whose label or marker contains (or touches) the offset. */
export function turnWithLabelAt(transcript: Transcript, offset: number): Turn | null {
  const turn = turnAt(transcript, offset);
  if (!turn?.label) return null;
  const touches = (span: Span) => span.start <= offset && offset <= span.end;
  return touches(turn.label.span) || touches(turn.marker) || (turn.label.colon !== null && touches(turn.label.colon)) ? turn : null;
}

/** The turn containing the offset (binary search over turns in document order). */
export function turnAt(transcript: Transcript, offset: number): Turn | null {
  const { turns } = transcript;
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (turns[mid].span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found === -1) return null;
  const turn = turns[found];
  return offset <= Math.max(turn.span.end, turn.marker.end) ? turn : null;
}

/** The label spans of every turn of a speaker, in document order. */
export function labelSpansOf(transcript: Transcript, speaker: string): Span[] {
  return transcript.turns.filter((turn) => turn.label?.speaker === speaker).map((turn) => turn.label!.span);
}
