// The core's text edits (offsets) as LSP text edits (line and character ranges).
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextEdit as CoreTextEdit } from '../core/check/rules/rule';
import type { DocumentAnalysis } from '../documents';

export function lspEdit(analysis: DocumentAnalysis, edit: CoreTextEdit): TextEdit {
  return { range: analysis.lines.rangeOf(edit.span), newText: edit.newText };
}

/** Formatting or fixing a 20 MB transcript makes some 40,000 edits: converted a batch per step. */
export function* lspEditsSteps(analysis: DocumentAnalysis, edits: readonly CoreTextEdit[]): Generator<void, TextEdit[]> {
  const converted: TextEdit[] = [];
  for (const edit of edits) {
    converted.push(lspEdit(analysis, edit));
    if (converted.length % 2000 === 0) yield;
  }
  return converted;
}
