import { UNIDENTIFIED } from '../core/services/outline';
import { inSlicesOnce, type DocumentAnalysis } from '../documents';
import type { SpeakerTurnsResult, StatisticsResult } from '../protocol';

/**
 * The `verbatim/statistics` result: computed once per version, in slices on a large document (the
 * Speakers view and the status bar ask after analysed edits); without the turn lists if asked.
 */
export async function statistics(analysis: DocumentAnalysis, includeTurns = true): Promise<StatisticsResult> {
  const report = await statisticsReport(analysis);
  const { transcript } = analysis;
  const result = { uri: analysis.uri, version: analysis.version, reading: transcript.reading, doubts: transcript.doubts.length, ...report };
  if (includeTurns) return result;
  const withoutTurns = <S extends { turns: unknown[] }>(speaker: S): S => ({ ...speaker, turns: [] });
  return { ...result, speakers: result.speakers.map(withoutTurns), unidentified: result.unidentified && withoutTurns(result.unidentified) };
}

/** One speaker's turns, by the name the statistics give it; null for a name it does not give. */
export async function speakerTurns(analysis: DocumentAnalysis, speaker: string): Promise<SpeakerTurnsResult | null> {
  const report = await statisticsReport(analysis);
  const found = speaker === UNIDENTIFIED ? report.unidentified : report.speakers.find((candidate) => candidate.name === speaker);
  return found ? { uri: analysis.uri, version: analysis.version, turns: found.turns } : null;
}

function statisticsReport(analysis: DocumentAnalysis) {
  const { facts } = analysis;
  return inSlicesOnce(analysis, 'statistics', () => facts.statisticsReportSteps(analysis.findings, analysis.lines));
}
