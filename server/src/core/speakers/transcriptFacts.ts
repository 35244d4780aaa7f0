// What requests read about one version of a transcript besides its findings: its speakers, how it
// writes labels, the words of each turn, its inaudible markers. Each is computed on first use and
// kept for the version, so hover, completion, references, the statistics request and workspace
// symbols do not recount a 10 MB file per request; the per-turn word counts, the one costly part,
// are also offered as steps a server runs in slices.
// UNFINISHED: the word counts are counted afresh for each version (in slices, about 0.7 s of work on
// 10 MB); keeping them per turn across edits, as the analysis keeps turn findings, is not done yet.
import { labelStyleOf, type LabelStyle } from './labelStyle';
import type { Annotation, Span, Transcript } from '../model';
import type { Positions } from '../lineIndex';
import { speakerGroups, statisticsReportSteps, transcriptStatsFrom, turnStatsSteps, type SpeakerGroup, type StatisticsReport, type TranscriptStats, type TurnStats } from './speakerStats';
import type { Severity } from '../config/options';
import { runSteps } from '../steps';

export class TranscriptFacts {
  private groups: SpeakerGroup[] | undefined;
  private groupsByKey: Map<string, SpeakerGroup> | undefined;
  private style: LabelStyle | undefined;
  private inaudible: Annotation[] | undefined;
  private perTurn: TurnStats[] | undefined;
  private stats: TranscriptStats | undefined;
  private report: StatisticsReport | undefined;

  constructor(readonly transcript: Transcript) {}

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

  /** The words and inaudible markers of every turn, a batch of turns per step. */
  *turnStatsSteps(): Generator<void, TurnStats[]> {
    return (this.perTurn ??= yield* turnStatsSteps(this.transcript));
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
