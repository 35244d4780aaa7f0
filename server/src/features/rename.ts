import { ResponseError, ErrorCodes, type Position, type PrepareRenameResult, type TextEdit, type WorkspaceEdit, AnnotatedTextEdit } from 'vscode-languageserver/node';
import { invalidLabelReason, renameSpeaker, renameTarget } from '../core/services/rename';
import type { DocumentAnalysis } from '../documents';

const VARIANT_ANNOTATION = 'verbatim.labelVariant';

export function prepareRename(analysis: DocumentAnalysis, position: Position): PrepareRenameResult | null {
  const target = renameTarget(analysis.transcript, analysis.lines.offsetAt(position));
  return target ? { range: analysis.lines.rangeOf(target.span), placeholder: target.placeholder } : null;
}

/**
 * Every label of the speaker at the position becomes `newName`. Variant spellings (from the
 * label-variant rule) come as annotated edits the editor asks to confirm, when it supports that;
 * otherwise only the speaker's own labels change.
 */
export function rename(analysis: DocumentAnalysis, position: Position, newName: string, confirmsAnnotatedEdits: boolean): WorkspaceEdit | null {
  const offset = analysis.lines.offsetAt(position);
  if (!renameTarget(analysis.transcript, offset)) throw new ResponseError(ErrorCodes.InvalidParams, 'Rename a speaker from one of its labels.');
  const reason = invalidLabelReason(newName);
  if (reason) throw new ResponseError(ErrorCodes.InvalidParams, reason);
  const edits = renameSpeaker(analysis.transcript, analysis.findings, offset, newName).filter((edit) => confirmsAnnotatedEdits || !edit.variant);
  const textEdits: (TextEdit | AnnotatedTextEdit)[] = edits.map((edit) =>
    edit.variant
      ? AnnotatedTextEdit.replace(analysis.lines.rangeOf(edit.span), edit.newText, VARIANT_ANNOTATION)
      : { range: analysis.lines.rangeOf(edit.span), newText: edit.newText },
  );
  if (!edits.some((edit) => edit.variant)) return { changes: { [analysis.uri]: textEdits } };
  const variants = [...new Set(edits.filter((edit) => edit.variant).map((edit) => edit.oldText))];
  return {
    documentChanges: [{ textDocument: { uri: analysis.uri, version: analysis.version }, edits: textEdits }],
    changeAnnotations: {
      [VARIANT_ANNOTATION]: {
        label: 'Variant spellings of this speaker',
        description: `Probably the same speaker: ${variants.map((variant) => `"${variant}"`).join(', ')}`,
        needsConfirmation: true,
      },
    },
  };
}
