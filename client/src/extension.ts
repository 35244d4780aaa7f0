// The thin client: starts the bundled language server, offers to open transcript-like `.txt` and `.md`
// files as Caption Transcript, and registers the Get Started walkthrough's commands. Every
// language feature lives in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LooksLikeTranscriptRequest } from '../../server/src/protocol';
import { activateAnswers } from './answers';
import { boundedRestarts } from './crashHandler';
import { activateOnboarding } from './onboarding';
import { activateRecording } from './recording';
import { activateSpeakers } from './speakersView';

const LANGUAGE_ID = 'caption-transcript';
const ASKED_KEY = 'verbatim.askedToSwitch';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // First, so that the walkthrough's commands work even if the server cannot start.
  activateOnboarding(context, LANGUAGE_ID);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // stdio rather than Node IPC: over stdio the server parses large messages (a big transcript's
  // didOpen) on a worker thread, while Node decodes every IPC message on the server's main thread.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // GitHub Repositories and other virtual workspaces: the server needs only the text it is sent.
      { scheme: 'vscode-vfs', language: LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'verbatim' },
    // Told when an answer to a label doubt changes how an unedited transcript reads (client/src/answers.ts).
    initializationOptions: { readingChangedNotification: true },
    errorHandler: boundedRestarts('Verbatim'),
    // Hover links that play the recording (the server's "Play the recording here") and nothing else.
    markdown: { isTrusted: { enabledCommands: ['verbatim.playRecordingAt'] } },
  };
  client = new LanguageClient('verbatim', 'Verbatim', serverOptions, clientOptions);
  // Handlers first: the server may ask as soon as it runs.
  activateAnswers(context, client, LANGUAGE_ID);
  await client.start();
  activateSpeakers(context, client, LANGUAGE_ID);
  activateRecording(context, client, LANGUAGE_ID);

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => offerSafely(context, document)));
  for (const document of vscode.workspace.textDocuments) offerSafely(context, document);
}

/** The offer is a courtesy: a failure (the server restarting, a closed document) is logged, never thrown at the editor. */
function offerSafely(context: vscode.ExtensionContext, document: vscode.TextDocument): void {
  offerToSwitch(context, document).catch((error: unknown) => client?.outputChannel.appendLine(`Transcript detection failed for ${document.uri.toString()}: ${String(error)}`));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

const ALWAYS = 'Always for .txt and .md transcripts';

/** A `.txt` or `.md` file that reads as a transcript (archives keep many as Markdown) is offered, once, the Caption Transcript mode. */
async function offerToSwitch(context: vscode.ExtensionContext, document: vscode.TextDocument): Promise<void> {
  const name = document.fileName.toLowerCase();
  const plainText = document.languageId === 'plaintext' && name.endsWith('.txt');
  const markdown = document.languageId === 'markdown' && (name.endsWith('.md') || name.endsWith('.markdown'));
  if (!client || !(plainText || markdown)) return;
  const mode = vscode.workspace.getConfiguration('verbatim').get<string>('detectTranscriptsInTxt', 'ask');
  if (mode === 'never') return;
  const asked = context.globalState.get<string[]>(ASKED_KEY, []);
  const key = document.uri.toString();
  if (mode === 'ask' && asked.includes(key)) return;
  const looksLike = await client.sendRequest(LooksLikeTranscriptRequest, { text: document.getText(new vscode.Range(0, 0, 400, 0)) });
  if (!looksLike) return;
  if (mode === 'always') {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    return;
  }
  await context.globalState.update(ASKED_KEY, [...asked, key].slice(-500));
  const choice = await vscode.window.showInformationMessage(
    `${path.basename(document.fileName)} looks like a caption transcript. Open it as Caption Transcript?`,
    'Switch',
    ALWAYS,
    'Never',
  );
  if (choice === 'Switch' || choice === ALWAYS) await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  if (choice === ALWAYS) await vscode.workspace.getConfiguration('verbatim').update('detectTranscriptsInTxt', 'always', vscode.ConfigurationTarget.Global);
  if (choice === 'Never') await vscode.workspace.getConfiguration('verbatim').update('detectTranscriptsInTxt', 'never', vscode.ConfigurationTarget.Global);
}
