import type { FoldingRange } from 'vscode-languageserver/node';
import { foldingSpans } from '../core/outline';
import type { DocumentAnalysis } from '../documents';

export function foldingRanges(analysis: DocumentAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const span of foldingSpans(analysis.transcript)) {
    const startLine = analysis.lines.positionAt(span.start).line;
    const endLine = analysis.lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
