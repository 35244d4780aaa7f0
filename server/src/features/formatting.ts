import type { Range, TextEdit } from 'vscode-languageserver/node';
import { formatEditsSteps } from '../core/check/format';
import type { Settings } from '../core/config/settings';
import { inSlices, inSlicesOnce, type DocumentAnalysis } from '../documents';
import { lspEditsSteps } from './textEdits';

/**
 * Formats the whole document; `range` limits the edits to the lines it touches (range formatting).
 * The whole document's edits are computed once per version, in slices (two parses of a large file).
 */
export async function formatting(analysis: DocumentAnalysis, settings: Settings, range?: Range): Promise<TextEdit[]> {
  const { text } = analysis.transcript;
  let edits = await inSlicesOnce(analysis, 'formatting', () => formatEditsSteps(text, settings));
  if (range) {
    const start = analysis.lines.lineStart(range.start.line);
    const end = analysis.lines.lineEnd(range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line);
    edits = edits.filter((edit) => edit.span.start >= start && edit.span.end <= end);
  }
  return inSlices(lspEditsSteps(analysis, edits));
}
