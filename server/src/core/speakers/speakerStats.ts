// Speakers as first-class objects: who speaks in a transcript, in which turns, and how much.
// Plain data for hover, references, rename, completion, the statistics request and `verbatim stats`.
import type { Positions, Range } from '../lineIndex';
import type { Annotation, Span, Transcript, Turn } from '../model';
import { UNIDENTIFIED } from '../services/outline';
import type { Severity } from '../config/options';
import { annotationsByTurn, bodyParts, countSpokenWords, firstStartingAtOrAfter, firstWords, turnIndexAt } from '../speech';
import { runSteps } from '../steps';

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

/** Turns one step of the word counts reads: a few milliseconds of counting. */
const TURNS_PER_STEP = 1000;

/** Words and inaudible markers of every turn. */
export function turnStats(transcript: Transcript): TurnStats[] {
  return runSteps(turnStatsSteps(transcript));
}

/** `turnStats` a batch of turns per step: counting the words reads the whole text. */
export function* turnStatsSteps(transcript: Transcript): Generator<void, TurnStats[]> {
  const turnAnnotations = annotationsByTurn(transcript);
  const stats: TurnStats[] = [];
  for (const turn of transcript.turns) {
    stats.push(countTurn(transcript.text, turn, turnAnnotations[turn.index]));
    if (stats.length % TURNS_PER_STEP === 0) yield;
  }
  return stats;
}

/** One turn's spoken words and inaudible markers, given its annotations. */
export function countTurn(text: string, turn: Turn, annotations: readonly Annotation[]): TurnStats {
  let words = 0;
  for (const part of bodyParts(text, turn, annotations)) {
    if (part.kind === 'speech') words += countSpokenWords(text.slice(part.span.start, part.span.end));
  }
  return { turn: turn.index, words, inaudible: annotations.filter((annotation) => annotation.kind === 'inaudible').length };
}

export function transcriptStats(transcript: Transcript): TranscriptStats {
  const inaudible = transcript.annotations.filter((annotation) => annotation.kind === 'inaudible').length;
  return transcriptStatsFrom(transcript, turnStats(transcript), speakerGroups(transcript), inaudible);
}

/** The statistics from the turns' counts and the speaker groups: one pass over the turns. */
export function transcriptStatsFrom(transcript: Transcript, turns: readonly TurnStats[], groups: readonly SpeakerGroup[], inaudible: number): TranscriptStats {
  const totalWords = turns.reduce((sum, turn) => sum + turn.words, 0);
  const share = (words: number) => (totalWords === 0 ? 0 : words / totalWords);
  const speakers: SpeakerStats[] = [];
  for (const group of groups) {
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
  return {
    turns: [...turns],
    speakers,
    unidentified:
      unlabelled.length === 0
        ? null
        : {
            turns: unlabelled.map((turn) => turn.turn),
            words: unidentifiedWords,
            share: share(unidentifiedWords),
            inaudible: unlabelled.reduce((sum, turn) => sum + turn.inaudible, 0),
          },
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
  const builder = new SpeakerGroupsBuilder();
  for (const turn of transcript.turns) builder.add(turn);
  return builder.groups();
}

/** `speakerGroups` turn by turn (so that a large file can be read a batch at a time). */
export class SpeakerGroupsBuilder {
  private readonly bySpeaker = new Map<string, { turns: number[]; spellings: Map<string, number> }>();

  add(turn: Turn): void {
    if (!turn.label) return;
    let group = this.bySpeaker.get(turn.label.speaker);
    if (!group) this.bySpeaker.set(turn.label.speaker, (group = { turns: [], spellings: new Map() }));
    group.turns.push(turn.index);
    group.spellings.set(turn.label.raw, (group.spellings.get(turn.label.raw) ?? 0) + 1);
  }

  groups(): SpeakerGroup[] {
    return [...this.bySpeaker].map(([key, group]) => ({
      key,
      // Map order is first appearance, and the sort is stable: ties keep the first-written spelling first.
      labels: [...group.spellings].sort((a, b) => b[1] - a[1]).map(([label]) => label),
      turns: group.turns,
    }));
  }
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

/** The turn containing the offset. */
export function turnAt(transcript: Transcript, offset: number): Turn | null {
  const found = turnIndexAt(transcript.turns, offset);
  if (found === -1) return null;
  const turn = transcript.turns[found];
  return offset <= Math.max(turn.span.end, turn.marker.end) ? turn : null;
}

/** The label spans of every turn of a speaker, in document order. */
export function labelSpansOf(transcript: Transcript, speaker: string): Span[] {
  return transcript.turns.filter((turn) => turn.label?.speaker === speaker).map((turn) => turn.label!.span);
}

export interface TurnReport {
  turn: number;
  /** Where the editor goes for this turn: its label, or the marker of an unlabelled turn. */
  range: Range;
  words: number;
  inaudible: number;
  /** The first words of the turn. */
  preview: string;
}

export interface SpeakerReport {
  /** The label as most often written; `(unidentified)` for the unlabelled turns. */
  name: string;
  /** Every spelling of the label in the file, most frequent first (empty for the unidentified). */
  labels: string[];
  turnCount: number;
  words: number;
  /** Fraction (0-1) of the file's spoken words. */
  share: number;
  longestTurn: { turn: number; words: number; range: Range };
  inaudible: number;
  turns: TurnReport[];
}

/** The `verbatim/statistics` result and `verbatim stats --format json` output for one file (documented in the README). */
export interface StatisticsReport {
  totals: {
    turns: number;
    /** Distinct labelled speakers. */
    speakers: number;
    words: number;
    inaudible: number;
    inaudiblePer1000Words: number;
    /** Open diagnostics by severity. */
    problems: Record<Severity, number>;
  };
  speakers: SpeakerReport[];
  unidentified: SpeakerReport | null;
}

/** Statistics of a file with LSP ranges, for the editor's Speakers view, its status bar and the CLI. */
export function statisticsReport(transcript: Transcript, findings: readonly { severity: Severity }[], lines: Positions): StatisticsReport {
  return runSteps(statisticsReportSteps(transcript, transcriptStats(transcript), findings, lines));
}

/** `statisticsReport` from computed statistics, a batch of turns per step (a range and a preview each). */
export function* statisticsReportSteps(
  transcript: Transcript,
  stats: TranscriptStats,
  findings: readonly { severity: Severity }[],
  lines: Positions,
): Generator<void, StatisticsReport> {
  let reported = 0;
  const turnReport = (index: number): TurnReport => {
    const turn = transcript.turns[index];
    reported++;
    return {
      turn: index,
      range: lines.rangeOf(turn.label ? turn.label.span : turn.marker),
      words: stats.turns[index].words,
      inaudible: stats.turns[index].inaudible,
      preview: firstWords(transcript.text.slice(turn.body.start, Math.min(turn.body.end, turn.body.start + 200)), 60),
    };
  };
  function* speakerReport(name: string, labels: string[], turnIndices: number[], words: number, share: number, inaudible: number): Generator<void, SpeakerReport> {
    const turns: TurnReport[] = [];
    for (const index of turnIndices) {
      turns.push(turnReport(index));
      if (reported % TURNS_PER_STEP === 0) yield;
    }
    const longest = turns.reduce((best, turn) => (turn.words > best.words ? turn : best));
    return { name, labels, turnCount: turns.length, words, share, longestTurn: { turn: longest.turn, words: longest.words, range: longest.range }, inaudible, turns };
  }
  const problems: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of findings) problems[finding.severity]++;
  const speakers: SpeakerReport[] = [];
  for (const speaker of stats.speakers) speakers.push(yield* speakerReport(speaker.name, speaker.labels, speaker.turns, speaker.words, speaker.share, speaker.inaudible));
  const { unidentified } = stats;
  return {
    totals: {
      turns: transcript.turns.length,
      speakers: stats.speakers.length,
      words: stats.totalWords,
      inaudible: stats.inaudible,
      inaudiblePer1000Words: Math.round(stats.inaudiblePer1000Words * 100) / 100,
      problems,
    },
    speakers,
    unidentified: unidentified ? yield* speakerReport(UNIDENTIFIED, [], unidentified.turns, unidentified.words, unidentified.share, unidentified.inaudible) : null,
  };
}

export interface InaudibleContext {
  /** The marker under the offset. */
  marker: Annotation;
  /** Its position among the file's inaudible markers, from 1. */
  ordinal: number;
  count: number;
  previous: Annotation | null;
  next: Annotation | null;
}

/** The inaudible marker containing the offset, with its place among the file's others (`markers`, in document order). */
export function inaudibleAt(
  transcript: Transcript,
  offset: number,
  markers: readonly Annotation[] = transcript.annotations.filter((annotation) => annotation.kind === 'inaudible'),
): InaudibleContext | null {
  // Markers do not overlap: the one containing the offset is the last that starts at or before it.
  const index = firstStartingAtOrAfter(markers, offset + 1) - 1;
  if (index < 0 || markers[index].span.end < offset) return null;
  return { marker: markers[index], ordinal: index + 1, count: markers.length, previous: markers[index - 1] ?? null, next: markers[index + 1] ?? null };
}
