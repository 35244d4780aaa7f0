import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outlineOf, type OutlineEntry, type OutlineKind } from '../core/outline';
import type { DocumentAnalysis } from '../documents';

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.File,
  section: SymbolKind.Namespace,
  turn: SymbolKind.Event,
};

export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const toSymbol = (entry: OutlineEntry): DocumentSymbol => ({
    name: entry.name,
    detail: entry.detail,
    kind: SYMBOL_KINDS[entry.kind],
    range: analysis.lines.rangeOf(entry.span),
    selectionRange: analysis.lines.rangeOf(entry.selectionSpan),
    children: entry.children.map(toSymbol),
  });
  return outlineOf(analysis.transcript).map(toSymbol);
}
