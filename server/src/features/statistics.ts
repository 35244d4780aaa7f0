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
}

export function statistics(analysis: DocumentAnalysis): StatisticsResult {
  return { uri: analysis.uri, version: analysis.version, ...statisticsReport(analysis.transcript, analysis.findings, analysis.lines) };
}
