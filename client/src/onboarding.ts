// The commands the Get Started walkthrough (package.json `contributes.walkthroughs`) runs: open the
// bundled sample, turn on fix-all on save, run the command-line checker in a terminal.
import * as path from 'path';
import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'verbatim.openSample';
export const ENABLE_FIX_ALL_ON_SAVE_COMMAND = 'verbatim.enableFixAllOnSave';
export const CHECK_IN_TERMINAL_COMMAND = 'verbatim.checkInTerminal';

const SAMPLE = path.join('samples', 'council-meeting.transcript');
const FIX_ALL_KIND = 'source.fixAll.verbatim';

export function activateOnboarding(context: vscode.ExtensionContext, languageId: string): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSample(context, languageId)),
    vscode.commands.registerCommand(ENABLE_FIX_ALL_ON_SAVE_COMMAND, () => enableFixAllOnSave(languageId)),
    vscode.commands.registerCommand(CHECK_IN_TERMINAL_COMMAND, () => checkInTerminal(context, languageId)),
  );
}

/** The sample as a new untitled document, so that trying the quick fixes never edits the extension's copy. */
async function openSample(context: vscode.ExtensionContext, languageId: string): Promise<vscode.TextDocument> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(context.asAbsolutePath(SAMPLE)));
  const document = await vscode.workspace.openTextDocument({ language: languageId, content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Adds `source.fixAll.verbatim` to the user's `editor.codeActionsOnSave` for transcripts, keeping what is there. */
async function enableFixAllOnSave(languageId: string): Promise<void> {
  const editor = vscode.workspace.getConfiguration('editor', { languageId });
  const current = editor.inspect<Record<string, unknown> | string[]>('codeActionsOnSave')?.globalLanguageValue;
  // The setting may also be written as a list of kinds, which means "explicit" for each.
  const actions = Array.isArray(current) ? Object.fromEntries(current.map((kind) => [kind, 'explicit'])) : { ...current };
  await editor.update('codeActionsOnSave', { ...actions, [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Global, true);
  void vscode.window.showInformationMessage('Verbatim: saving a transcript now applies the safe fixes (fix-all).');
}

/**
 * Opens a terminal running `verbatim check` (the bundled CLI) on the active transcript, or on the
 * sample when the active one is not a file on disk. Returns the command line it sent.
 */
function checkInTerminal(context: vscode.ExtensionContext, languageId: string): string {
  const active = vscode.window.activeTextEditor?.document;
  const file = active && active.languageId === languageId && active.uri.scheme === 'file' ? active.uri.fsPath : context.asAbsolutePath(SAMPLE);
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  // The extension host's executable is Node in a remote or web host and Electron on the desktop,
  // where ELECTRON_RUN_AS_NODE makes it run the script as Node does.
  const quote = (text: string) => `"${text.replace(/"/g, '\\"')}"`;
  const call = process.platform === 'win32' ? '& ' : '';
  const commandLine = `${call}${quote(process.execPath)} ${quote(cli)} check ${quote(file)}`;
  const terminal = vscode.window.createTerminal({ name: 'Verbatim check', env: { ELECTRON_RUN_AS_NODE: '1' } });
  terminal.show();
  terminal.sendText(commandLine);
  return commandLine;
}
