// The client's part in recording the answers to label doubts ("Is "Session 1" a speaker?"). The
// server writes answers about files in a folder to `.verbatimrc.json` itself; for an untitled or
// virtual file, or one outside every folder, it asks here, and the answer goes to the user's settings.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { answeredLists, type SpeakerAnswer } from '../../server/src/core/answers';

/** The server's request and notification (server/src/features/answers.ts). */
const RECORD_ANSWER_IN_SETTINGS_REQUEST = 'verbatim/recordAnswerInSettings';
const READING_CHANGED_NOTIFICATION = 'verbatim/readingChanged';

export function activateAnswers(context: vscode.ExtensionContext, client: LanguageClient, languageId: string): void {
  context.subscriptions.push(
    client.onRequest(RECORD_ANSWER_IN_SETTINGS_REQUEST, (params: unknown) => recordInSettings(params)),
    client.onNotification(READING_CHANGED_NOTIFICATION, () => askForOutlineAgain(languageId)),
  );
}

async function recordInSettings(params: unknown): Promise<void> {
  const { name, isSpeaker } = (params ?? {}) as Partial<SpeakerAnswer>;
  if (typeof name !== 'string' || typeof isSpeaker !== 'boolean') throw new Error(`expected { name, isSpeaker }, got ${JSON.stringify(params)}`);
  const config = vscode.workspace.getConfiguration('verbatim');
  const userValue = (key: string) => {
    const value = config.inspect<unknown>(key)?.globalValue;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  const before = { speakers: userValue('speakers'), notSpeakers: userValue('notSpeakers') };
  const after = answeredLists(before, { name, isSpeaker });
  for (const key of ['speakers', 'notSpeakers'] as const) {
    if (after[key].length !== before[key].length) await config.update(key, after[key], vscode.ConfigurationTarget.Global);
  }
  void vscode.window.showInformationMessage(
    `Verbatim: "${name}" is ${isSpeaker ? '' : 'not '}a speaker, remembered in your user settings (verbatim.${isSpeaker ? 'speakers' : 'notSpeakers'}).`,
  );
}

/**
 * The server reads the open transcripts again after an answer, but VS Code asks for an outline again
 * only when the text changes or a symbol provider comes or goes: an empty provider that comes and
 * goes at once makes the outline, breadcrumbs and sticky scroll ask the server again.
 */
function askForOutlineAgain(languageId: string): void {
  vscode.languages.registerDocumentSymbolProvider({ language: languageId }, { provideDocumentSymbols: () => [] }).dispose();
}
