// What the Speakers view and the status bar show, computed from the server's `verbatim/statistics`
// result. Pure functions without `vscode`, so they are unit-tested outside the editor.
import { percent as percentOf, plural as count } from '../../server/src/core/wording';
import type { MarkerKind } from '../../server/src/core/model';
import type { Range, StatisticsResult, TurnReport } from '../../server/src/protocol';

/** Shares as the narrow view shows them: `<1%` for a small one. */
const percent = (share: number) => percentOf(share, '<1%');

export const SPEAKERS_VIEW_ID = 'verbatim.speakers';
export const REVEAL_TURN_COMMAND = 'verbatim.revealTurn';
export const REFRESH_SPEAKERS_COMMAND = 'verbatim.refreshSpeakers';
/** Internal: select a turn (by document and start line) in the Speakers view, for follow-along. */
export const FOLLOW_TURN_COMMAND = 'verbatim.speakers.followTurn';
/** Context key, true while the active editor holds a caption transcript: the view shows then. */
export const TRANSCRIPT_ACTIVE_CONTEXT = 'verbatim.transcriptActive';

export type { StatisticsResult };

export interface SpeakerNode {
  kind: 'speaker';
  /** The document and the speaker's name, to ask the server for turns the result left out. */
  uri: string;
  label: string;
  description: string;
  tooltip: string;
  /** Empty when the statistics were asked for without turns (`includeTurns: false`). */
  turns: TurnNode[];
}

export interface TurnNode {
  kind: 'turn';
  label: string;
  description: string;
  /** Where a click goes: the turn's label (or marker) in the document. */
  uri: string;
  range: Range;
}

/** One node per speaker in order of first appearance, the unidentified turns last; each holds its turns. */
export function speakerNodes(result: StatisticsResult): SpeakerNode[] {
  const speakers = result.unidentified ? [...result.speakers, result.unidentified] : result.speakers;
  return speakers.map((speaker) => ({
    kind: 'speaker',
    uri: result.uri,
    label: speaker.name,
    description: `${count(speaker.turnCount, 'turn')} · ${count(speaker.words, 'word')} · ${percent(speaker.share)}`,
    tooltip: [
      `${speaker.name}: ${count(speaker.turnCount, 'turn')}, ${count(speaker.words, 'word')} (${percent(speaker.share)} of the session's words)`,
      `Longest turn: ${count(speaker.longestTurn.words, 'word')}, line ${speaker.longestTurn.range.start.line + 1}`,
      `Inaudible markers in their turns: ${speaker.inaudible}`,
      ...(speaker.labels.length > 1 ? [`Written as: ${speaker.labels.join(', ')}`] : []),
    ].join('\n'),
    turns: turnNodes(result.uri, speaker.turns),
  }));
}

/** A speaker's turns as the view lists them: line, words, inaudible markers, first words. */
export function turnNodes(uri: string, turns: readonly TurnReport[]): TurnNode[] {
  return turns.map((turn) => ({
    kind: 'turn',
    label: `Line ${turn.range.start.line + 1}`,
    description: `${count(turn.words, 'word')}${turn.inaudible > 0 ? `, ${turn.inaudible} inaudible` : ''} · ${turn.preview}`,
    uri,
    range: turn.range,
  }));
}

/** Open problems: errors and warnings (hints and information are not problems to fix). */
export function openProblems(result: StatisticsResult): number {
  return result.totals.problems.error + result.totals.problems.warning;
}

/** The status-bar item: `$(comment-discussion) 42 turns · 5 speakers · 3 problems`. */
export function statusBarText(result: StatisticsResult): string {
  const { totals } = result;
  return `$(comment-discussion) ${count(totals.turns, 'turn')} · ${count(totals.speakers, 'speaker')} · ${count(openProblems(result), 'problem')}`;
}

export function statusBarTooltip(result: StatisticsResult): string {
  const { totals } = result;
  const { error, warning } = totals.problems;
  return [
    `Verbatim: ${count(totals.turns, 'turn')}, ${count(totals.speakers, 'speaker')}, ${count(totals.words, 'word')}`,
    `Open problems: ${count(error, 'error')}, ${count(warning, 'warning')}`,
    `Inaudible markers: ${totals.inaudible} (${totals.inaudiblePer1000Words} per 1,000 words)`,
    ...readingLines(result),
    'Click to show the Speakers view',
  ].join('\n');
}

/** How each kind of turn marker is written, for saying how the file marks its turns. */
const MARKER_NAMES: Record<MarkerKind, string> = {
  chevron: '>>',
  section: '>>>',
  'single-chevron': '>',
  colon: 'NAME:',
  question: 'Q.',
  answer: 'A.',
};

/** What the reader found about the file: how turns are marked (and whether styles mix), Markdown, a provider header, doubts. */
export function readingLines(result: Pick<StatisticsResult, 'reading' | 'doubts'>): string[] {
  const { markers, mixed, markdown, providerHeader } = result.reading;
  const kinds = (Object.keys(MARKER_NAMES) as MarkerKind[]).filter((kind) => (markers[kind] ?? 0) > 0);
  const lines: string[] = [];
  if (kinds.length > 0) {
    const written = kinds.map((kind) => `${MARKER_NAMES[kind]} (${markers[kind]!.toLocaleString('en-US')})`).join(', ');
    lines.push(mixed ? `Turn styles mixed: ${written}` : `Turns marked ${written}`);
  }
  if (markdown) lines.push('Read as Markdown: emphasis around labels, headings and links');
  if (providerHeader) lines.push("Header: a captioning provider's or status line, not taken as the title");
  if (result.doubts > 0) lines.push(`${count(result.doubts, 'reading')} to confirm: answer the "Is … a speaker?" hints once`);
  return lines;
}
