import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { Annotation } from '../core/model';
import { inaudibleAt, transcriptStats, turnWithLabelAt } from '../core/speakerStats';
import type { DocumentAnalysis } from '../documents';

/** On a label: the speaker's turns, words, share, longest turn and inaudible markers. On an inaudible marker: the file's count and the nearest others. */
export function hover(analysis: DocumentAnalysis, position: Position): Hover | null {
  const offset = analysis.lines.offsetAt(position);
  return speakerHover(analysis, offset) ?? inaudibleHover(analysis, offset);
}

function speakerHover(analysis: DocumentAnalysis, offset: number): Hover | null {
  const turn = turnWithLabelAt(analysis.transcript, offset);
  if (!turn?.label) return null;
  const stats = transcriptStats(analysis.transcript);
  const speaker = stats.speakers.find((candidate) => candidate.key === turn.label!.speaker);
  if (!speaker) return null;
  const line = (turnIndex: number) => analysis.lines.positionAt(analysis.transcript.turns[turnIndex].span.start).line + 1;
  const rows = [
    `**${speaker.name}**`,
    '',
    `- ${plural(speaker.turns.length, 'turn')}, ${plural(speaker.words, 'word')} (${percent(speaker.share)} of the session's words)`,
    `- longest turn: ${plural(speaker.longestTurn.words, 'word')}, line ${line(speaker.longestTurn.turn)}`,
    `- inaudible markers in their turns: ${speaker.inaudible}`,
  ];
  if (speaker.labels.length > 1) rows.push(`- also written: ${speaker.labels.filter((label) => label !== speaker.name).map((label) => `\`${label}\``).join(', ')}`);
  return { contents: { kind: MarkupKind.Markdown, value: rows.join('\n') }, range: analysis.lines.rangeOf(turn.label.span) };
}

function inaudibleHover(analysis: DocumentAnalysis, offset: number): Hover | null {
  const context = inaudibleAt(analysis.transcript, offset);
  if (!context) return null;
  const where = (marker: Annotation | null, direction: string) => {
    if (!marker) return `no ${direction} one`;
    const turn = analysis.transcript.turns[marker.turn];
    const speaker = turn ? ` (${turn.label ? turn.label.raw : 'unidentified speaker'})` : '';
    return `${direction}: line ${analysis.lines.positionAt(marker.span.start).line + 1}${speaker}`;
  };
  const rows = [
    `Inaudible marker ${context.ordinal} of ${context.count} in this file: the passage should be checked against the recording.`,
    '',
    `- ${where(context.previous, 'previous')}`,
    `- ${where(context.next, 'next')}`,
  ];
  return { contents: { kind: MarkupKind.Markdown, value: rows.join('\n') }, range: analysis.lines.rangeOf(context.marker.span) };
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  if (share > 0 && share < 0.01) return 'under 1%';
  return `${Math.round(share * 100)}%`;
}
