// What requests read about one version of a transcript besides its findings: its speakers, how it
// writes labels, the words of each turn, its inaudible markers. Each is computed on first use and
// kept for the version, so hover, completion, references, the statistics request and workspace
// symbols do not recount a 10 MB file per request; the per-turn word counts, the one costly part,
// are also offered as steps a server runs in slices, and carried to the next version across an edit
// that re-read a few turns (as the analysis carries turn findings): only those turns are counted again.
import { labelStyleOf, type LabelStyle } from './labelStyle';
import type { Annotation, Span, Transcript } from '../model';
import type { ReparsedTurns } from '../parse/incremental';
import { annotationsOfTurn } from '../speech';
import type { Positions } from '../lineIndex';
import {
  countTurn,
  speakerGroups,
  statisticsReportSteps,
  transcriptStatsFrom,
  type SpeakerGroup,
  type StatisticsReport,
  type TranscriptStats,
  type TurnStats,
} from './speakerStats';
import type { Severity } from '../config/options';
import { runSteps } from '../steps';

/** A turn's counts, without its index (which an edit before it shifts). */
type TurnCounts = Omit<TurnStats, 'turn'>;

/** Turns counted per step: a few milliseconds. */
const TURNS_PER_STEP = 1000;

export class TranscriptFacts {
  private groups: SpeakerGroup[] | undefined;
  private groupsByKey: Map<string, SpeakerGroup> | undefined;
  private style: LabelStyle | undefined;
  private inaudible: Annotation[] | undefined;
  /** Per turn, its counts once made: carried from the previous version for the turns an edit did not re-read. */
  private counted: (TurnCounts | undefined)[];
  private uncounted: number;
  private perTurn: TurnStats[] | undefined;
  private stats: TranscriptStats | undefined;
  private report: StatisticsReport | undefined;

  constructor(
    readonly transcript: Transcript,
    carried?: (TurnCounts | undefined)[],
  ) {
    this.counted = carried ?? new Array<TurnCounts | undefined>(transcript.turns.length);
    this.uncounted = carried ? carried.reduce((holes, stats) => holes - (stats ? 1 : 0), carried.length) : transcript.turns.length;
  }

  /**
   * The facts of the next version, whose parse re-read the turns `reparsed` names and shifted the
   * rest: the word counts made so far go with them, and only the re-read and relabelled turns are
   * counted again.
   */
  carriedTo(transcript: Transcript, reparsed: ReparsedTurns): TranscriptFacts {
    if (this.uncounted === this.counted.length) return new TranscriptFacts(transcript);
    const { firstTurn, removed, added, relabelled } = reparsed;
    const carried = [...this.counted.slice(0, firstTurn), ...new Array<TurnCounts | undefined>(added), ...this.counted.slice(firstTurn + removed)];
    // A colon-less label that came or went moved the start of its turn's speech.
    for (const index of relabelled) carried[index] = undefined;
    return new TranscriptFacts(transcript, carried);
  }

  /** Labelled turns grouped by speaker, in order of first appearance. */
  speakerGroups(): SpeakerGroup[] {
    return (this.groups ??= speakerGroups(this.transcript));
  }

  speaker(key: string): SpeakerGroup | undefined {
    this.groupsByKey ??= new Map(this.speakerGroups().map((group) => [group.key, group]));
    return this.groupsByKey.get(key);
  }

  /** The label spans of every turn of a speaker, in document order. */
  labelSpansOf(key: string): Span[] {
    return (this.speaker(key)?.turns ?? []).map((index) => this.transcript.turns[index].label!.span);
  }

  labelStyle(): LabelStyle {
    return (this.style ??= labelStyleOf(this.transcript));
  }

  /** Every inaudible marker, in document order. */
  inaudibleMarkers(): Annotation[] {
    return (this.inaudible ??= this.transcript.annotations.filter((annotation) => annotation.kind === 'inaudible'));
  }

  /** Whether `turnStats` (and so `stats`) answer at once. */
  get turnStatsReady(): boolean {
    return this.perTurn !== undefined;
  }

  /** The words and inaudible markers of every turn, a batch of the turns not yet counted per step. */
  *turnStatsSteps(): Generator<void, TurnStats[]> {
    if (this.perTurn) return this.perTurn;
    const { text, turns } = this.transcript;
    for (let index = 0; index < turns.length && this.uncounted > 0; index++) {
      if (this.counted[index]) continue;
      const { words, inaudible } = countTurn(text, turns[index], annotationsOfTurn(this.transcript, turns[index]));
      this.counted[index] = { words, inaudible };
      if (--this.uncounted % TURNS_PER_STEP === 0) yield;
    }
    yield;
    return (this.perTurn = (this.counted as TurnCounts[]).map(({ words, inaudible }, turn) => ({ turn, words, inaudible })));
  }

  turnStats(): TurnStats[] {
    return runSteps(this.turnStatsSteps());
  }

  /** Per speaker: turns, words, share, longest turn, inaudible markers. */
  transcriptStats(): TranscriptStats {
    return (this.stats ??= transcriptStatsFrom(this.transcript, this.turnStats(), this.speakerGroups(), this.inaudibleMarkers().length));
  }

  /** The statistics request's result (LSP ranges), in steps; computed once per version. */
  *statisticsReportSteps(findings: readonly { severity: Severity }[], lines: Positions): Generator<void, StatisticsReport> {
    if (this.report) return this.report;
    yield* this.turnStatsSteps();
    return (this.report = yield* statisticsReportSteps(this.transcript, this.transcriptStats(), findings, lines));
  }
}
