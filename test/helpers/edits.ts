// Applies the LSP text edits a server returned, as an editor would, so tests can assert the resulting text.
import type { TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/check/fixes';
import { LineIndex } from '../../server/src/core/lineIndex';

export function applyLspEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(
    text,
    edits.map((edit) => ({ span: lines.spanOf(edit.range), newText: edit.newText })),
  );
}
