import type { Location, Position } from 'vscode-languageserver/node';
import { speakerAt } from '../core/speakers/speakerStats';
import type { DocumentAnalysis } from '../documents';

/** Every turn of the speaker whose label is under the cursor, located at its label. */
export function references(analysis: DocumentAnalysis, position: Position): Location[] | null {
  const speaker = speakerAt(analysis.transcript, analysis.lines.offsetAt(position));
  if (!speaker) return null;
  return analysis.facts.labelSpansOf(speaker).map((span) => ({ uri: analysis.uri, range: analysis.lines.rangeOf(span) }));
}
