import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outlineOf, type OutlineEntry, type OutlineKind } from '../core/services/outline';
import type { DocumentAnalysis } from '../documents';

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.File,
  section: SymbolKind.Namespace,
  run: SymbolKind.Class,
  turn: SymbolKind.Event,
};

export interface DocumentSymbolsResult {
  symbols: DocumentSymbol[];
  /** Outline entries beyond `maxItems` that were left out. */
  omitted: number;
}

export function documentSymbols(analysis: DocumentAnalysis, maxItems: number): DocumentSymbolsResult {
  const toSymbol = (entry: OutlineEntry): DocumentSymbol => ({
    name: entry.name,
    detail: entry.detail,
    kind: SYMBOL_KINDS[entry.kind],
    range: analysis.lines.rangeOf(entry.span),
    selectionRange: analysis.lines.rangeOf(entry.selectionSpan),
    children: entry.children.map(toSymbol),
  });
  const outline = outlineOf(analysis.transcript, maxItems);
  return { symbols: outline.entries.map(toSymbol), omitted: outline.omitted };
}
