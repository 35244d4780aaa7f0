import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import { labelCompletions } from '../core/services/completion';
import { plural } from '../core/wording';
import type { DocumentAnalysis } from '../documents';

/** Speaker labels where a turn starts; `roster` is the configured names (settings and `.verbatimrc.json`). */
export function completion(analysis: DocumentAnalysis, position: Position, roster: readonly string[]): CompletionItem[] | null {
  const completions = labelCompletions(analysis.transcript, analysis.lines.offsetAt(position), roster, analysis.facts);
  if (!completions) return null;
  return completions.map((item) => ({
    label: item.label,
    kind: item.source === 'file' ? CompletionItemKind.Constant : CompletionItemKind.Reference,
    detail: item.source === 'file' ? `${plural(item.turns, 'turn')} in this file` : 'from the speaker roster',
    sortText: String(item.rank).padStart(4, '0'),
    filterText: item.filterText,
    textEdit: { range: analysis.lines.rangeOf(item.replace), newText: item.newText },
  }));
}
