import type { ReadingSummary } from '../core/model';
import { statisticsReport, type StatisticsReport } from '../core/speakerStats';
import type { DocumentAnalysis } from '../documents';

/** The `verbatim/statistics` request's params and result (documented in the README). */
export const STATISTICS_REQUEST = 'verbatim/statistics';
export interface StatisticsParams {
  textDocument: { uri: string };
}
export interface StatisticsResult extends StatisticsReport {
  uri: string;
  version: number;
  /** What the reader found about the file as a whole: how turns are marked, Markdown, a provider header. */
  reading: ReadingSummary;
  /** Readings the reader is unsure of (each a `label-doubt` hint, when that rule is on). */
  doubts: number;
}

export function statistics(analysis: DocumentAnalysis): StatisticsResult {
  const { transcript } = analysis;
  return { uri: analysis.uri, version: analysis.version, reading: transcript.reading, doubts: transcript.doubts.length, ...statisticsReport(transcript, analysis.findings, analysis.lines) };
}
