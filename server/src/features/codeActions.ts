// Quick fixes for verbatim's diagnostics and the `source.fixAll.verbatim` action.
// Fixes are recomputed from the cached analysis by matching each diagnostic's code and range,
// so diagnostics carry no data and a stale diagnostic simply finds no fix.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import { checkedFixes, fixAllSteps } from '../core/check/fixes';
import type { Settings } from '../core/config/settings';
import { inSlices, inSlicesOnce, LARGE_DOCUMENT_LENGTH, type DocumentAnalysis } from '../documents';
import { answerActions } from './answers';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { lspEdit, lspEditsSteps } from './textEdits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.verbatim`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** `workspaceFolders`: paths of the folders on disk, where a new `.verbatimrc.json` for a `label-doubt` answer goes. */
export async function codeActions(analysis: DocumentAnalysis, params: CodeActionParams, settings: Settings, workspaceFolders: readonly string[] = []): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      // A doubt is answered in the settings, not in the text: its fixes are commands.
      if (diagnostic.code === 'label-doubt') actions.push(...answerActions(analysis, diagnostic, workspaceFolders));
      else actions.push(...quickFixes(analysis, diagnostic, settings));
    }
  }
  // Fix-all is asked for by kind (on save, or from the Source Action menu), never offered in the light bulb.
  if (only && wants(FIX_ALL_KIND)) {
    const action = await fixAllAction(analysis, settings);
    if (action) actions.push(action);
  }
  return actions;
}

function quickFixes(analysis: DocumentAnalysis, diagnostic: Diagnostic, settings: Settings): CodeAction[] {
  const span = analysis.lines.spanOf(diagnostic.range);
  const finding = analysis.findings.find((candidate) => candidate.code === diagnostic.code && candidate.span.start === span.start && candidate.span.end === span.end);
  if (!finding?.fixes) return [];
  // A fix that touches no spoken word is re-parsed before it is offered as preferred (`checkedFixes`),
  // a parse per fix: in a large document that takes a noticeable time, so the rule's own judgement
  // stands there. Fix-all checks its result at any size.
  const fixes = analysis.transcript.text.length < LARGE_DOCUMENT_LENGTH ? checkedFixes(analysis, finding, settings) : finding.fixes;
  return fixes.map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred === true,
    edit: { changes: { [analysis.uri]: fix.edits.map((edit) => lspEdit(analysis, edit)) } },
  }));
}

/** Fix-all re-analyses the text pass after pass: on a large document, seconds of work, run in slices. */
async function fixAllAction(analysis: DocumentAnalysis, settings: Settings): Promise<CodeAction | null> {
  const text = analysis.transcript.text;
  const result = await inSlicesOnce(analysis, 'fixAll', () => fixAllSteps(text, settings));
  if (result.edits.length === 0) return null;
  return {
    title: `Fix all safe verbatim problems (${result.fixedCount})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [analysis.uri]: await inSlices(lspEditsSteps(analysis, result.edits), analysis.superseded) } },
  };
}
