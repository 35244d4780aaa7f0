import { SymbolKind, type SymbolInformation } from 'vscode-languageserver/node';
import { fileNameOf, plural } from '../core/wording';
import type { DocumentAnalysis } from '../documents';

/** Speakers of every open transcript whose name contains the query's letters in order, at their first label. */
export function workspaceSymbols(analyses: readonly DocumentAnalysis[], query: string): SymbolInformation[] {
  const wanted = query.toUpperCase().replace(/\s+/g, '');
  const symbols: SymbolInformation[] = [];
  for (const analysis of analyses) {
    const file = fileNameOf(analysis.uri);
    for (const group of analysis.facts.speakerGroups()) {
      if (!matchesInOrder(group.key, wanted)) continue;
      const first = analysis.transcript.turns[group.turns[0]].label!;
      symbols.push({
        name: group.labels[0],
        kind: SymbolKind.Object,
        containerName: `${file}, ${plural(group.turns.length, 'turn')}`,
        location: { uri: analysis.uri, range: analysis.lines.rangeOf(first.span) },
      });
    }
  }
  return symbols;
}

/** `THSCH` matches `THOMAS SCHNEIDER`: the editor's usual fuzzy match for symbol search. */
function matchesInOrder(name: string, wanted: string): boolean {
  let at = 0;
  for (const ch of name) if (at < wanted.length && ch === wanted[at]) at++;
  return at === wanted.length;
}
