import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { Annotation } from '../core/model';
import { inaudibleAt, turnWithLabelAt } from '../core/speakers/speakerStats';
import { inSlicesOnce, type DocumentAnalysis } from '../documents';
import { percent, plural } from '../core/wording';

/**
 * On a label: the speaker's turns, words, share, longest turn and inaudible markers (the version's
 * word counts, computed once, in slices on a large document). On an inaudible marker: the file's
 * count and the nearest others.
 */
export async function hover(analysis: DocumentAnalysis, position: Position): Promise<Hover | null> {
  const offset = analysis.lines.offsetAt(position);
  return (await speakerHover(analysis, offset)) ?? inaudibleHover(analysis, offset);
}

async function speakerHover(analysis: DocumentAnalysis, offset: number): Promise<Hover | null> {
  const turn = turnWithLabelAt(analysis.transcript, offset);
  if (!turn?.label) return null;
  const { facts } = analysis;
  if (!facts.turnStatsReady) await inSlicesOnce(analysis, 'turnStats', () => facts.turnStatsSteps());
  const stats = facts.transcriptStats();
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
  if (speaker.labels.length > 1)
    rows.push(
      `- also written: ${speaker.labels
        .filter((label) => label !== speaker.name)
        .map((label) => `\`${label}\``)
        .join(', ')}`,
    );
  return { contents: { kind: MarkupKind.Markdown, value: rows.join('\n') }, range: analysis.lines.rangeOf(turn.label.span) };
}

function inaudibleHover(analysis: DocumentAnalysis, offset: number): Hover | null {
  const context = inaudibleAt(analysis.transcript, offset, analysis.facts.inaudibleMarkers());
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
