// Helpers for the suite that runs inside the VS Code extension host.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Feature, FEATURES, featureOn } from '../features';
import { waitFor } from '../wait';
export { waitFor };

export const LANGUAGE_ID = 'caption-transcript';
export const EXTENSION_ID = 'verbatim.verbatim';

export function corpusDir(): string {
  const dir = process.env.VERBATIM_E2E_CORPUS;
  if (!dir || !fs.existsSync(dir)) throw new Error(`VERBATIM_E2E_CORPUS is not a folder: ${dir}`);
  return dir;
}

export function workspaceDir(): string {
  const dir = process.env.VERBATIM_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!dir) throw new Error('no workspace folder: set VERBATIM_E2E_WORKSPACE or open a folder');
  return dir;
}

/** Copies a corpus file into the workspace under a new name (e.g. `x.cart`) and returns its URI. */
export function copyToWorkspace(corpusName: string, asName: string): vscode.Uri {
  const target = path.join(workspaceDir(), asName);
  fs.copyFileSync(path.join(corpusDir(), corpusName), target);
  return vscode.Uri.file(target);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Document symbols from the language server; waits for the server to answer with some. */
export function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor(`document symbols for ${path.basename(uri.fsPath)}`, async () => {
    const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return result && result.length > 0 ? result : undefined;
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** Diagnostics from the server for `uri`, once some have arrived and stayed unchanged for a moment. */
export async function diagnostics(uri: vscode.Uri, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  let previous = '';
  let stableSince = 0;
  return waitFor(
    `diagnostics for ${path.basename(uri.fsPath)}`,
    () => {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'verbatim');
      const key = list.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).join(',');
      if (list.length === 0) return undefined;
      if (key !== previous) {
        previous = key;
        stableSince = Date.now();
        return undefined;
      }
      return Date.now() - stableSince >= 600 ? list : undefined;
    },
    timeoutMs,
  );
}

/** Waits until no diagnostic with `code` is left (or none of the given predicate). */
export function diagnosticsWithout(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`${code} to disappear from ${path.basename(uri.fsPath)}`, () => {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'verbatim');
    return list.some((d) => codeOf(d) === code) ? undefined : list;
  });
}

/** A test for a feature that may not have landed: runs when on, otherwise PENDING with the reason. */
export function itWhen(feature: Feature, title: string, fn: (this: Mocha.Context) => Promise<void>): void {
  if (featureOn(feature)) it(title, fn);
  else it.skip(`${title} [pending: ${FEATURES[feature].why}]`, fn);
}

/** Words of a text, for "no spoken word changed" checks. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`applying the edit of "${action.title}" failed`);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}
