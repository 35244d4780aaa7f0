import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver/node';
import { speakerAt } from '../core/speakers/speakerStats';
import type { DocumentAnalysis } from '../documents';

/** The labels of every turn of the speaker under the cursor. */
export function documentHighlights(analysis: DocumentAnalysis, position: Position): DocumentHighlight[] | null {
  const speaker = speakerAt(analysis.transcript, analysis.lines.offsetAt(position));
  if (!speaker) return null;
  return analysis.facts.labelSpansOf(speaker).map((span) => ({ range: analysis.lines.rangeOf(span), kind: DocumentHighlightKind.Text }));
}
