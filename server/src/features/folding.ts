import type { FoldingRange } from 'vscode-languageserver/node';
import { foldingSpans } from '../core/services/outline';
import type { DocumentAnalysis } from '../documents';

/** The header and each multi-line turn, at most `maxItems` of them (from the top). */
export function foldingRanges(analysis: DocumentAnalysis, maxItems: number): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const span of foldingSpans(analysis.transcript)) {
    if (ranges.length >= maxItems) break;
    const startLine = analysis.lines.positionAt(span.start).line;
    const endLine = analysis.lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
